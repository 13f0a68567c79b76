import { QueryClient } from "@tanstack/react-query";

/**
 * One cache per mounted drawer. No automatic retries: a failure shows "App Failed to
 * Load" with its correlation id at once, and the user decides to retry. No refetch on
 * focus: the drawer's data changes only when the user presses refresh.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
    },
  });
}
