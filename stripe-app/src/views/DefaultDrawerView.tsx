import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { Box, ContextView, Inline } from "@stripe/ui-extension-sdk/ui";
import { ApiProviders } from "./ApiProviders";
import { BRAND_COLOR, BRAND_ICON } from "./brand";
import { drawerEnvironmentOf, DrawerEnvironmentProvider } from "./DrawerEnvironment";
import { LinkSettings } from "./LinkSettings";

export const OPEN_A_CUSTOMER = "Open a customer to see their entitlements";

/**
 * The app's drawer where no customer or subscription is open (viewport
 * `stripe.dashboard.drawer.default`): where to find the entitlements, and this account's
 * connection and workspace in each mode as the settings view shows them, with Connect
 * where a mode is unlinked. Disconnecting stays on the settings page.
 */
export default function DefaultDrawerView(props: ExtensionContextValue) {
  const drawer = drawerEnvironmentOf(props, "");
  return (
    <ContextView title="Entitlements" brandColor={BRAND_COLOR} brandIcon={BRAND_ICON}>
      <DrawerEnvironmentProvider value={drawer}>
        <ApiProviders {...props}>
          <Box css={{ stack: "y", gapY: "large" }}>
            <Inline css={{ font: "body", color: "secondary" }}>{OPEN_A_CUSTOMER}</Inline>
            <LinkSettings disconnectable={false} />
          </Box>
        </ApiProviders>
      </DrawerEnvironmentProvider>
    </ContextView>
  );
}
