import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { EntitlementsInput } from "@/contract";
import { useTRPC, useTRPCClient } from "./trpc";

/**
 * The refresh icon: reads the entitlements again with `fresh: true` (the host then skips
 * every cache and asks the source), stores the answer where the list reads it, and
 * reloads any usage graph on screen.
 */
export function useRefreshEntitlements(input: Omit<EntitlementsInput, "fresh">) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.getEntitlements.query({ ...input, fresh: true }),
    onSuccess: async (list) => {
      queryClient.setQueryData(trpc.getEntitlements.queryKey(input), list);
      await queryClient.invalidateQueries({ queryKey: trpc.getUsageSeries.pathKey() });
    },
  });
}
