import { createContext, useContext } from "react";

/** What every part of the drawer needs to know about where it is shown. */
export interface DrawerEnvironment {
  /** The Stripe customer whose page the drawer is open on (`objectContext.id`). */
  stripeCustomerId: string;
  /** For Intl: the Dashboard user's locale. */
  locale: string;
  /** "View in Stigg" when there is no customer-specific link. */
  stiggAppUrl: string;
}

const Context = createContext<DrawerEnvironment | null>(null);

export const DrawerEnvironmentProvider = Context.Provider;

export function useDrawerEnvironment(): DrawerEnvironment {
  const environment = useContext(Context);
  if (!environment) throw new Error("useDrawerEnvironment outside CustomerDetailView");
  return environment;
}
