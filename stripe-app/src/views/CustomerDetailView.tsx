import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { ContextView } from "@stripe/ui-extension-sdk/ui";
import { QueryClientProvider } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { readAppConstants } from "../api/appConstants";
import { createApiClient } from "../api/createApiClient";
import { createQueryClient } from "../api/createQueryClient";
import { TRPCProvider } from "../api/trpc";
import { resolveLocale } from "../format/locale";
import { CustomerDrawer } from "./CustomerDrawer";
import { DrawerEnvironmentProvider } from "./DrawerEnvironment";
import { FailureView } from "./FailureView";

/**
 * The app's view on a Stripe customer's page (viewport `stripe.dashboard.customer.detail`).
 * Everything it needs comes from Stripe's context props: who is asking (`userContext`),
 * which customer (`environment.objectContext`) and where the host is
 * (`environment.constants.API_BASE`, from the manifest).
 */
export default function CustomerDetailView({ userContext, environment }: ExtensionContextValue) {
  const { apiBase, stiggAppUrl } = readAppConstants(environment);
  const userId = userContext.id;
  const accountId = userContext.account.id;
  const [queryClient] = useState(createQueryClient);
  const apiClient = useMemo(
    () => (apiBase ? createApiClient(apiBase, { userId, accountId }) : null),
    [apiBase, userId, accountId],
  );
  const drawer = {
    stripeCustomerId: environment.objectContext?.id ?? "",
    locale: resolveLocale(userContext.locale),
    stiggAppUrl,
  };

  return (
    // The Dashboard already shows the app's name ("Stigg") above the view's title.
    <ContextView title="Entitlements">
      <DrawerEnvironmentProvider value={drawer}>
        {apiClient ? (
          <QueryClientProvider client={queryClient}>
            <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
              <CustomerDrawer />
            </TRPCProvider>
          </QueryClientProvider>
        ) : (
          <FailureView
            message="The app is not configured: its manifest sets no API_BASE constant."
            correlationId={null}
            stiggUrl={stiggAppUrl}
          />
        )}
      </DrawerEnvironmentProvider>
    </ContextView>
  );
}
