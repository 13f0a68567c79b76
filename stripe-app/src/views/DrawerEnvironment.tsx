import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import type { WorkspaceKind } from "@/contract";
import { createContext, useContext } from "react";
import { readAppConstants } from "../api/appConstants";
import { resolveLocale } from "../format/locale";

/** What every part of the drawer needs to know about where it is shown. */
export interface DrawerEnvironment {
  /** The Stripe customer whose page the drawer is open on (`objectContext.id`). */
  stripeCustomerId: string;
  /** For Intl: the Dashboard user's locale. */
  locale: string;
  /** "View in Stigg" when there is no customer-specific link. */
  stiggAppUrl: string;
  /** The account is a Stripe sandbox (`userContext.account.isSandbox`): labels and Connect's preselection only. */
  stripeSandbox: boolean;
  /** The linked workspace's kind, which words name the source; null until an answer says. */
  workspaceKind: WorkspaceKind | null;
}

/** The environment a view gives its parts, from Stripe's context props; no customer: "". */
export function drawerEnvironmentOf(props: ExtensionContextValue, stripeCustomerId: string): DrawerEnvironment {
  return {
    stripeCustomerId,
    locale: resolveLocale(props.userContext.locale),
    stiggAppUrl: readAppConstants(props.environment).stiggAppUrl,
    stripeSandbox: props.userContext.account.isSandbox === true,
    workspaceKind: null,
  };
}

const Context = createContext<DrawerEnvironment | null>(null);

export const DrawerEnvironmentProvider = Context.Provider;

export function useDrawerEnvironment(): DrawerEnvironment {
  const environment = useContext(Context);
  if (!environment) throw new Error("useDrawerEnvironment outside CustomerDetailView");
  return environment;
}
