import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { ContextView, type ExternalLink } from "@stripe/ui-extension-sdk/ui";
import { useState } from "react";
import { ApiProviders } from "./ApiProviders";
import { BRAND_COLOR, BRAND_ICON } from "./brand";
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
  // Known once the customer is read: for a Stigg workspace, the customer in Stigg.
  const [stiggLink, setStiggLink] = useState<ExternalLink | undefined>();

  return (
    // The Dashboard already shows the app's name ("Stigg") above the view's title.
    <ViewTitleProvider initial="Entitlements">
      {(title) => (
        <ContextView title={title} brandColor={BRAND_COLOR} brandIcon={BRAND_ICON} externalLink={stiggLink}>
          <DrawerEnvironmentProvider value={drawer}>
            <ApiProviders {...props}>
              <CustomerDrawer onStiggLink={setStiggLink} />
            </ApiProviders>
          </DrawerEnvironmentProvider>
        </ContextView>
      )}
    </ViewTitleProvider>
  );
}
