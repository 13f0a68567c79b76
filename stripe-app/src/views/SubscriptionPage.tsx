import { Box, Inline } from "@stripe/ui-extension-sdk/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../api/trpc";
import { useConnectWatch } from "../api/useConnectWatch";
import type { SubscriptionEntitlementsResult } from "@/contract";
import { SubscriptionDetails } from "../components/SubscriptionDetails";
import { ApiErrorView } from "./ApiErrorView";
import { DrawerEnvironmentProvider, useDrawerEnvironment } from "./DrawerEnvironment";
import { GateView } from "./GateView";
import { LoadingView } from "./LoadingView";
import { useViewTitle } from "./ViewTitle";

/**
 * Resolves the Stripe subscription page: loading, failed, unlinked (Gate), not managed by
 * Stigg, or the subscription's details. Its entitlements come with the first answer, so
 * the page paints in one request; refresh and usage graphs then work as in the
 * Subscription drawer, for the subscription's customer.
 */
export function SubscriptionPage({ stripeSubscriptionId }: { stripeSubscriptionId: string }) {
  const environment = useDrawerEnvironment();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const watch = useConnectWatch<SubscriptionEntitlementsResult>((data) => data.status === "unlinked");
  const options = trpc.getSubscriptionEntitlements.queryOptions({ stripeSubscriptionId });
  const result = useQuery({
    ...options,
    // The entitlements come with the answer: put them where the shared list reads them
    // before it mounts, so it asks for nothing more.
    queryFn: async (context) => {
      const data = await options.queryFn!(context);
      if (data.status === "managed") {
        const input = { stripeCustomerId: data.customer.stripeCustomerId, subscriptionId: data.subscription.id };
        queryClient.setQueryData(trpc.getEntitlements.queryKey(input), data.entitlements);
      }
      return data;
    },
    refetchInterval: watch.refetchInterval,
    refetchOnWindowFocus: watch.refetchOnWindowFocus,
  });

  if (result.isPending) return <LoadingView />;
  if (result.isError) return <ApiErrorView error={result.error} onRetry={() => void result.refetch({ cancelRefetch: false })} retrying={result.isFetching} />;
  const data = result.data;
  if (data.status === "unlinked") return <GateView urls={data} onConnect={watch.onConnect} waiting={watch.connectPressed} />;
  if (data.status === "notManaged") return <NotManaged message={data.message} />;
  return (
    <DrawerEnvironmentProvider value={{ ...environment, stripeCustomerId: data.customer.stripeCustomerId, workspaceKind: data.workspaceKind }}>
      <SubscriptionDetails subscription={data.subscription} customer={data.customer} stripeSubscriptionId={stripeSubscriptionId} />
    </DrawerEnvironmentProvider>
  );
}

function NotManaged({ message }: { message: string }) {
  useViewTitle("Not managed by Stigg");
  return (
    <Box css={{ padding: "medium" }}>
      <Inline css={{ color: "secondary" }}>{message}</Inline>
    </Box>
  );
}
