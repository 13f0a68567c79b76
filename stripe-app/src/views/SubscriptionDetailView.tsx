import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { ContextView } from "@stripe/ui-extension-sdk/ui";
import { readAppConstants } from "../api/appConstants";
import { resolveLocale } from "../format/locale";
import { ApiProviders } from "./ApiProviders";
import { DrawerEnvironmentProvider } from "./DrawerEnvironment";
import { SubscriptionPage } from "./SubscriptionPage";

/**
 * The app's view on a Stripe subscription's page (viewport
 * `stripe.dashboard.subscription.detail`): the entitlements of the Stigg subscription
 * billed through it (`environment.objectContext.id`, a `sub_…`).
 */
export default function SubscriptionDetailView(props: ExtensionContextValue) {
  const { userContext, environment } = props;
  const drawer = {
    // Known once the host has found the subscription's customer.
    stripeCustomerId: "",
    locale: resolveLocale(userContext.locale),
    stiggAppUrl: readAppConstants(environment).stiggAppUrl,
  };
  return (
    <ContextView title="Entitlements">
      <DrawerEnvironmentProvider value={drawer}>
        <ApiProviders {...props}>
          <SubscriptionPage stripeSubscriptionId={environment.objectContext?.id ?? ""} />
        </ApiProviders>
      </DrawerEnvironmentProvider>
    </ContextView>
  );
}
