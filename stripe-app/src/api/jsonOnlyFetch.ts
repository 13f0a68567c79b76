import { CORRELATION_HEADER } from "@/contract";

/** The host (or something in front of it) answered with something other than tRPC's JSON. */
export class NotAnApiResponse extends Error {
  constructor(
    readonly status: number,
    readonly correlationId: string | null,
  ) {
    super(`The Stigg app's server answered HTTP ${status} instead of data.`);
    this.name = "NotAnApiResponse";
  }
}

/**
 * `fetch` for the tRPC link. tRPC would fail parsing an HTML error page and lose the
 * response with it; this keeps what the user needs instead: the status and the
 * correlation id header.
 */
export async function jsonOnlyFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await globalThis.fetch(input, init);
  if (!response.headers.get("content-type")?.includes("application/json")) {
    throw new NotAnApiResponse(response.status, response.headers.get(CORRELATION_HEADER));
  }
  return response;
}
