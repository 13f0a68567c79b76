import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { SettingsView } from "@stripe/ui-extension-sdk/ui";
import { canDisconnect } from "../model/canDisconnect";
import { ApiProviders } from "./ApiProviders";
import { drawerEnvironmentOf, DrawerEnvironmentProvider } from "./DrawerEnvironment";
import { LinkSettings } from "./LinkSettings";

/** The app's settings page (viewport `settings`): this account's link to Stigg. */
export default function AppSettingsView(props: ExtensionContextValue) {
  const drawer = drawerEnvironmentOf(props, "");
  return (
    <SettingsView>
      <DrawerEnvironmentProvider value={drawer}>
        <ApiProviders {...props}>
          <LinkSettings disconnectable={canDisconnect(props.userContext)} />
        </ApiProviders>
      </DrawerEnvironmentProvider>
    </SettingsView>
  );
}
