/**
 * Where the host serves its tRPC API (the host's `API_ENDPOINT`). The manifest's
 * `connect-src` must cover it; test/manifest.test.ts checks that it does.
 */
export const TRPC_PATH = "/api/trpc";

export function trpcUrl(apiBase: string): string {
  return `${apiBase.replace(/\/+$/, "")}${TRPC_PATH}`;
}
