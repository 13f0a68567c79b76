import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";
import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import { readAppConstants } from "../api/appConstants";
import { createApiClient } from "../api/createApiClient";
import { createQueryClient } from "../api/createQueryClient";
import { TRPCProvider } from "../api/trpc";
import { FailureView } from "./FailureView";

/**
 * What every view needs to call the host: the typed client (signed as the Dashboard's
 * user and account, with the Dashboard's mode) and React Query. Without the manifest's
 * API_BASE there is nothing to call, and the view says so.
 */
export function ApiProviders({ userContext, environment, children }: ExtensionContextValue & { children: ReactNode }) {
  // Nothing has said the workspace's kind yet: the product document's failure, as for any kind.
  const { apiBase, stiggAppUrl } = readAppConstants(environment);
  const userId = userContext.id;
  const accountId = userContext.account.id;
  const mode = environment.mode;
  const [queryClient] = useState(createQueryClient);
  const apiClient = useMemo(
    () => (apiBase ? createApiClient(apiBase, { userId, accountId, mode }) : null),
    [apiBase, userId, accountId, mode],
  );
  if (!apiClient) {
    return (
      <FailureView
        message="The app is not configured: its manifest sets no API_BASE constant."
        correlationId={null}
        stiggUrl={stiggAppUrl}
      />
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
