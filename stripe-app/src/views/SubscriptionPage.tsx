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

/**
 * Resolves the Stripe subscription page: loading, failed, unlinked (Gate), not managed by
 * Stigg, or the subscription's details. Its entitlements come with the first answer and
 * are put where the shared entitlement list reads them, so the page paints in one request;
 * refresh and usage graphs then work as in the Subscription drawer, for its customer.
 */
export function SubscriptionPage({ stripeSubscriptionId }: { stripeSubscriptionId: string }) {
  const environment = useDrawerEnvironment();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const watch = useConnectWatch<SubscriptionEntitlementsResult>((data) => data.status === "unlinked");
  const result = useQuery({
    ...trpc.getSubscriptionEntitlements.queryOptions({ stripeSubscriptionId }),
    refetchInterval: watch.refetchInterval,
  });

  if (result.isPending) return <LoadingView />;
  if (result.isError) return <ApiErrorView error={result.error} onRetry={() => void result.refetch()} retrying={result.isFetching} />;
  const data = result.data;
  if (data.status === "unlinked") return <GateView connectUrl={data.connectUrl} onConnect={watch.onConnect} waiting={watch.connectPressed} />;
  if (data.status === "notManaged") {
    return (
      <Box css={{ padding: "medium" }}>
        <Inline css={{ color: "secondary" }}>{data.message}</Inline>
      </Box>
    );
  }
  const stripeCustomerId = data.customer.stripeCustomerId;
  const listKey = trpc.getEntitlements.queryKey({ stripeCustomerId, subscriptionId: data.subscription.id });
  if (queryClient.getQueryData(listKey) === undefined) queryClient.setQueryData(listKey, data.entitlements);
  return (
    <DrawerEnvironmentProvider value={{ ...environment, stripeCustomerId }}>
      <SubscriptionDetails subscription={data.subscription} customer={data.customer} />
    </DrawerEnvironmentProvider>
  );
}
