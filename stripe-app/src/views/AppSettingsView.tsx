import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { SettingsView } from "@stripe/ui-extension-sdk/ui";
import { readAppConstants } from "../api/appConstants";
import { resolveLocale } from "../format/locale";
import { canDisconnect } from "../model/canDisconnect";
import { ApiProviders } from "./ApiProviders";
import { DrawerEnvironmentProvider } from "./DrawerEnvironment";
import { LinkSettings } from "./LinkSettings";

/** The app's settings page (viewport `settings`): this account's link to Stigg. */
export default function AppSettingsView(props: ExtensionContextValue) {
  const { userContext, environment } = props;
  const drawer = {
    stripeCustomerId: "",
    locale: resolveLocale(userContext.locale),
    stiggAppUrl: readAppConstants(environment).stiggAppUrl,
  };
  return (
    <SettingsView>
      <DrawerEnvironmentProvider value={drawer}>
        <ApiProviders {...props}>
          <LinkSettings disconnectable={canDisconnect(userContext)} />
        </ApiProviders>
      </DrawerEnvironmentProvider>
    </SettingsView>
  );
}
