import type { ExternalLink } from "@stripe/ui-extension-sdk/ui";
import { usePrefetchQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "../api/trpc";
import { useConnectWatch } from "../api/useConnectWatch";
import { ApiErrorView } from "./ApiErrorView";
import { CommandCenter } from "./CommandCenter";
import { DrawerEnvironmentProvider, useDrawerEnvironment } from "./DrawerEnvironment";
import { GateView } from "./GateView";
import { LoadingView } from "./LoadingView";

const answered = (query: { dataUpdatedAt: number; errorUpdatedAt: number }) =>
  query.dataUpdatedAt > 0 || query.errorUpdatedAt > 0;

/**
 * Resolves the drawer: loading, failed, unlinked account (Gate), unknown customer (404),
 * or the Command Center. The three first-paint queries start in the same render, so the
 * batching link sends them as one HTTP request. Only the customer lookup failing fails
 * the drawer; subscriptions and entitlements are independent reads, and the Command
 * Center shows a failed one as a notice in its own tab.
 */
export function CustomerDrawer({ onStiggLink }: { onStiggLink?: (link: ExternalLink | undefined) => void } = {}) {
  const environment = useDrawerEnvironment();
  const { stripeCustomerId } = environment;
  const trpc = useTRPC();
  const input = { stripeCustomerId };
  const watch = useConnectWatch();
  // Started while this first render runs rather than once it is committed (when useQuery
  // subscribes): the request travels while the spinner is built and sent to the Dashboard.
  // A read that failed before its useQuery mounted stays failed (no retry on mount): only
  // Retry asks again.
  usePrefetchQuery(trpc.getCustomer.queryOptions(input));
  usePrefetchQuery(trpc.listSubscriptions.queryOptions(input));
  usePrefetchQuery(trpc.getEntitlements.queryOptions(input));
  const customer = useQuery({
    ...trpc.getCustomer.queryOptions(input, { retryOnMount: false }),
    refetchInterval: watch.refetchInterval,
    refetchOnWindowFocus: watch.refetchOnWindowFocus,
  });
  const subscriptions = useQuery(trpc.listSubscriptions.queryOptions(input, { retryOnMount: false }));
  const entitlements = useQuery(trpc.getEntitlements.queryOptions(input, { retryOnMount: false }));

  const retry = () => {
    // Same tick again: one request for everything that is retried; a second press while
    // it is under way (a double click) joins it rather than asking again.
    const join = { cancelRefetch: false };
    void customer.refetch(join);
    void subscriptions.refetch(join);
    void entitlements.refetch(join);
  };
  // Linked in the other tab (seen by the watch after Connect, or on coming back to a
  // reloaded Dashboard): the Gate's failed reads start over (loading, not an error).
  const queryClient = useQueryClient();
  const sawGate = useRef(false);
  if (customer.data?.linked === false) sawGate.current = true;
  const linkedAfterConnect = sawGate.current && customer.data?.linked === true;
  useEffect(() => {
    if (!linkedAfterConnect) return;
    void queryClient.resetQueries({ queryKey: trpc.listSubscriptions.queryKey({ stripeCustomerId }) });
    void queryClient.resetQueries({ queryKey: trpc.getEntitlements.queryKey({ stripeCustomerId }) });
  }, [linkedAfterConnect, queryClient, trpc, stripeCustomerId]);
  // The drawer's external link opens the customer in Stigg, for a Stigg workspace only (the
  // demo workspace's customers exist nowhere else).
  const stiggHref = customer.data?.linked && customer.data.workspaceKind === "stigg" ? customer.data.customer.stiggUrl : undefined;
  useEffect(() => {
    onStiggLink?.(stiggHref ? { label: "Open customer in Stigg", href: stiggHref } : undefined);
  }, [onStiggLink, stiggHref]);
  const retrying = customer.isFetching || subscriptions.isFetching || entitlements.isFetching;

  if (customer.isPending) return <LoadingView />;
  if (customer.isError) return <ApiErrorView error={customer.error} onRetry={retry} retrying={retrying} />;
  // Unlinked: the other two answer PRECONDITION_FAILED, which the Gate makes moot.
  if (!customer.data.linked) return <GateView urls={customer.data} onConnect={watch.onConnect} waiting={watch.connectPressed} />;

  // From here the workspace's kind is known: every part words its source by it.
  return (
    <DrawerEnvironmentProvider value={{ ...environment, workspaceKind: customer.data.workspaceKind }}>
      {/* The first paint waits for every first answer, loaded or failed. Later a Retry in one
          tab puts that query back to pending; that tab shows it, the drawer stays. */}
      {!answered(subscriptions) || !answered(entitlements) ? <LoadingView /> : <CommandCenter customer={customer.data.customer} />}
    </DrawerEnvironmentProvider>
  );
}
