import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { ContextView } from "@stripe/ui-extension-sdk/ui";
import { BRAND_COLOR, BRAND_ICON } from "./brand";
import { ApiProviders } from "./ApiProviders";
import { drawerEnvironmentOf, DrawerEnvironmentProvider } from "./DrawerEnvironment";
import { SubscriptionPage } from "./SubscriptionPage";
import { ViewTitleProvider } from "./ViewTitle";

/**
 * The app's view on a Stripe subscription's page (viewport
 * `stripe.dashboard.subscription.detail`): the entitlements of the Stigg subscription
 * billed through it (`environment.objectContext.id`, a `sub_…`).
 */
export default function SubscriptionDetailView(props: ExtensionContextValue) {
  const { environment } = props;
  // The customer is known once the host has found the subscription's.
  const drawer = drawerEnvironmentOf(props, "");
  return (
    <ViewTitleProvider initial="Subscription entitlements">
      {(title) => (
        <ContextView title={title} brandColor={BRAND_COLOR} brandIcon={BRAND_ICON}>
          <DrawerEnvironmentProvider value={drawer}>
            <ApiProviders {...props}>
              <SubscriptionPage stripeSubscriptionId={environment.objectContext?.id ?? ""} />
            </ApiProviders>
          </DrawerEnvironmentProvider>
        </ContextView>
      )}
    </ViewTitleProvider>
  );
}
