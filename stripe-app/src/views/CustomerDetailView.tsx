import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { ContextView } from "@stripe/ui-extension-sdk/ui";
import { ApiProviders } from "./ApiProviders";
import { CustomerDrawer } from "./CustomerDrawer";
import { drawerEnvironmentOf, DrawerEnvironmentProvider } from "./DrawerEnvironment";
import { ViewTitleProvider } from "./ViewTitle";

/**
 * The app's view on a Stripe customer's page (viewport `stripe.dashboard.customer.detail`).
 * Everything it needs comes from Stripe's context props: who is asking (`userContext`),
 * which customer (`environment.objectContext`), the Dashboard's mode and where the host is
 * (`environment.constants.API_BASE`, from the manifest).
 */
export default function CustomerDetailView(props: ExtensionContextValue) {
  const drawer = drawerEnvironmentOf(props, props.environment.objectContext?.id ?? "");

  return (
    // The Dashboard already shows the app's name ("Stigg") above the view's title.
    <ViewTitleProvider initial="Entitlements">
      {(title) => (
        <ContextView title={title}>
          <DrawerEnvironmentProvider value={drawer}>
            <ApiProviders {...props}>
              <CustomerDrawer />
            </ApiProviders>
          </DrawerEnvironmentProvider>
        </ContextView>
      )}
    </ViewTitleProvider>
  );
}
