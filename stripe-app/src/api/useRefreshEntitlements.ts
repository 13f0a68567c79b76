import { type Query, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import type { EntitlementsInput, UsageSeriesInput } from "@/contract";
import { useTRPC, useTRPCClient } from "./trpc";

/**
 * The refresh icon refreshes the whole drawer: the header (customer) and subscriptions when
 * the drawer shows them, the entitlements, and every usage graph open, each read with
 * `fresh: true` (the host then skips every cache and asks the source). All start in the
 * same tick, so the batching link sends them together. Each answer goes where its view
 * reads it; one that failed leaves its old answer on screen and fails the refresh.
 */
export function useRefreshEntitlements(input: Omit<EntitlementsInput, "fresh">) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  // A second press before the view shows the first as pending (a double click) is the same refresh.
  const running = useRef(false);
  const mutation = useMutation({
    onSettled: () => {
      running.current = false;
    },
    mutationFn: async () => {
      const customerInput = { stripeCustomerId: input.stripeCustomerId };
      const shown = (key: readonly unknown[]) => queryClient.getQueryData(key) !== undefined;
      const customerKey = trpc.getCustomer.queryKey(customerInput);
      const subscriptionsKey = trpc.listSubscriptions.queryKey(customerInput);
      const graphs = queryClient
        .getQueryCache()
        .findAll({ queryKey: trpc.getUsageSeries.pathKey(), type: "active" })
        .map((query) => ({ key: query.queryKey, input: usageInputOf(query) }))
        .filter((graph): graph is { key: readonly unknown[]; input: UsageSeriesInput } => graph.input !== null);

      const reads: Promise<void>[] = [
        client.getEntitlements
          .query({ ...input, fresh: true })
          .then((list) => void queryClient.setQueryData(trpc.getEntitlements.queryKey(input), list)),
        ...graphs.map((graph) =>
          client.getUsageSeries.query({ ...graph.input, fresh: true }).then((series) => void queryClient.setQueryData(graph.key, series)),
        ),
      ];
      if (shown(customerKey)) {
        reads.push(client.getCustomer.query({ ...customerInput, fresh: true }).then((c) => void queryClient.setQueryData(customerKey, c)));
      }
      if (shown(subscriptionsKey)) {
        reads.push(
          client.listSubscriptions.query({ ...customerInput, fresh: true }).then((s) => void queryClient.setQueryData(subscriptionsKey, s)),
        );
      }
      const failed = (await Promise.allSettled(reads)).find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    },
  });
  const run = () => {
    if (running.current) return;
    running.current = true;
    mutation.mutate();
  };
  return { ...mutation, run };
}

/** The input a usage graph's query was made with (tRPC's key: `[path, { input, type }]`). */
function usageInputOf(query: Query): UsageSeriesInput | null {
  const meta = query.queryKey[1] as { input?: UsageSeriesInput } | undefined;
  return meta?.input ?? null;
}
