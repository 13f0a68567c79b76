import { CORRELATION_HEADER, PROCEDURE_BUDGET_MS } from "@/contract";
import { markOnce, TIMING_MARKS } from "../timing/mark";

/**
 * How long the extension waits for the host: the host answers within its time budget
 * whatever Stigg does, so past it plus 2 s (the network, a busy host) nothing is coming.
 */
export const REQUEST_TIMEOUT_MS = PROCEDURE_BUDGET_MS + 2_000;

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

/** No answer came within REQUEST_TIMEOUT_MS; the id is the one this request was sent with. */
export class NoAnswer extends Error {
  constructor(readonly correlationId: string) {
    super(`The Stigg app's server did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`);
    this.name = "NoAnswer";
  }
}

/** 32 hex digits: a form the host takes as the request's correlation id. */
function newCorrelationId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * `fetch` for the tRPC link. Each request carries an X-Correlation-Id of its own, which
 * the host adopts: even a request that never got an answer shows an id the host's logs
 * know. The whole exchange, body included, ends after REQUEST_TIMEOUT_MS. tRPC would fail
 * parsing an HTML error page and lose the response with it; this keeps what the user
 * needs instead: the status and the correlation id header.
 */
export async function jsonOnlyFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const correlationId = newCorrelationId();
  const headers = new Headers(init?.headers);
  headers.set(CORRELATION_HEADER, correlationId);
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, REQUEST_TIMEOUT_MS);
  const callerAborted = () => abort.abort(init?.signal?.reason);
  init?.signal?.addEventListener("abort", callerAborted);
  try {
    markOnce(TIMING_MARKS.requestSent);
    const response = await globalThis.fetch(input, { ...init, headers, signal: abort.signal });
    const sentBy = response.headers.get(CORRELATION_HEADER) ?? correlationId;
    if (!response.headers.get("content-type")?.includes("application/json")) {
      throw new NotAnApiResponse(response.status, sentBy);
    }
    // Read here, within the time limit: a body that trickles in must not hold the drawer.
    const body = await response.text();
    markOnce(TIMING_MARKS.answered);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } catch (err) {
    if (timedOut) throw new NoAnswer(correlationId);
    throw err;
  } finally {
    clearTimeout(timer);
    init?.signal?.removeEventListener("abort", callerAborted);
  }
}
