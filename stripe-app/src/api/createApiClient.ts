import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { type AppRouter, MAX_BATCH_CALLS } from "@/contract";
import { trpcUrl } from "./endpoint";
import { jsonOnlyFetch } from "./jsonOnlyFetch";
import { type Caller, signatureSource, signedHeaders } from "./signedHeaders";

/**
 * The typed client for the host's API. One batching link: queries issued in the same
 * tick (the drawer's first paint) travel as one signed HTTP request, split into several
 * when there are more than the host takes in one batch (a refresh with many usage graphs
 * open). Plain JSON on the wire, no transformer: the contract's timestamps are ISO strings.
 * Creating it asks for the first request's signature.
 */
export function createApiClient(apiBase: string, caller: Caller) {
  const signature = signatureSource();
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: trpcUrl(apiBase),
        headers: () => signedHeaders(caller, signature),
        fetch: jsonOnlyFetch,
        maxItems: MAX_BATCH_CALLS,
      }),
    ],
  });
}
