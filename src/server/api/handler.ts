import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { Logger } from "pino";
import { type ApiErrorData, CORRELATION_HEADER, MAX_BATCH_CALLS, MODE_HEADER } from "@/contract";
import { getConfig } from "../config";
import { BodyTooLarge, readBytesCapped } from "../http/cappedBody";
import { correlationIdFrom } from "../log/correlation";
import { logger } from "../log/logger";
import { appRouter } from "./root";
import type { CallOutcome } from "./trpc";

export const API_ENDPOINT = "/api/trpc";

// The extension runs in a sandboxed, null-origin frame: it can only call an API that
// answers CORS for any origin. Credentials are never used, the signature is the auth.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers":
    `Content-Type, Stripe-Signature, Stripe-User-Id, Stripe-Account-Id, ${MODE_HEADER}, X-Correlation-Id, trpc-accept`,
  "Access-Control-Expose-Headers": CORRELATION_HEADER,
  "Access-Control-Max-Age": "600",
};

// The API is outside src/proxy.ts (it needs none of the pages' guards): the two headers
// the proxy would have added to a JSON answer are set here.
const API_HEADERS = Object.entries({
  ...CORS,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
});

/** How many calls a batched request names (`/api/trpc/a,b,c?batch=1`), as tRPC splits them. */
function batchCalls(req: Request): number {
  const url = new URL(req.url);
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.slice(API_ENDPOINT.length);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // tRPC answers a malformed path itself.
  }
  return decoded.split(",").length;
}

/** A tRPC-shaped BAD_REQUEST for a batch over the limit, with the correlation id. */
function batchTooLarge(calls: number, correlationId: string): Response {
  const data: ApiErrorData = { code: "BAD_REQUEST", httpStatus: 400, correlationId };
  const message = `A batch holds at most ${MAX_BATCH_CALLS} calls; this one has ${calls}. Send the rest in another request.`;
  return Response.json({ error: { message, code: TRPC_ERROR_CODES_BY_KEY.BAD_REQUEST, data } }, { status: 400 });
}

/**
 * One line per HTTP request, with its correlation id: each call's path and time (from the
 * signature check to its result), and the code of each call that returned no data.
 */
function logRequest(log: Logger, status: number, outcomes: CallOutcome[]): void {
  if (outcomes.length === 0) return;
  const procedures = outcomes.map((o) => o.path);
  const ms = Math.max(...outcomes.map((o) => o.ms));
  const failed = outcomes.filter((o) => o.code !== undefined);
  if (failed.length === 0) log.info({ status, procedures, ms }, "api request");
  else log.warn({ status, procedures, ms, failed: failed.map(({ path, code }) => ({ path, code })) }, "api request");
}

/**
 * The API's only mutation (disconnect) takes a mode; a batch of them is a few hundred
 * bytes. Anything far larger is refused before it is parsed.
 */
export const MAX_API_BODY_BYTES = 8 * 1024;

function bodyTooLarge(correlationId: string): Response {
  const data: ApiErrorData = { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, correlationId };
  const message = `A request body holds at most ${MAX_API_BODY_BYTES} bytes.`;
  return Response.json({ error: { message, code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE, data } }, { status: 413 });
}

/** The request with its body read within the cap (tRPC reads it whole otherwise); null when over. */
async function withCappedBody(req: Request): Promise<Request | null> {
  if (req.method !== "POST") return req;
  try {
    const body = await readBytesCapped(req, MAX_API_BODY_BYTES);
    return new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(body) });
  } catch (err) {
    if (err instanceof BodyTooLarge) return null;
    throw err;
  }
}

/** The answer before CORS and the correlation id: refusals at the door, else tRPC's. */
async function answer(
  req: Request,
  calls: number,
  correlationId: string,
  log: Logger,
  outcomes: CallOutcome[],
  deadline: number,
): Promise<Response> {
  if (req.method === "OPTIONS") return new Response(null, { status: 204 });
  if (calls > MAX_BATCH_CALLS) return batchTooLarge(calls, correlationId);
  const capped = await withCappedBody(req);
  if (!capped) {
    log.warn({ event: "api.body_too_large" }, "request body over the cap refused");
    return bodyTooLarge(correlationId);
  }
  return fetchRequestHandler({
    endpoint: API_ENDPOINT,
    req: capped,
    router: appRouter,
    allowBatching: true,
    // The same limit inside tRPC, should its path parsing ever differ from ours.
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: () => ({ headers: req.headers, correlationId, log, outcomes, deadline }),
  });
}

/** The tRPC API over the Fetch API: CORS, a correlation id on every response, batching. */
export async function handleApiRequest(req: Request): Promise<Response> {
  // The request's time budget runs from its arrival; the calls of a batch share it.
  const deadline = Date.now() + getConfig().procedureBudgetMs;
  const correlationId = correlationIdFrom(req.headers);
  const log = logger().child({ correlationId });
  const outcomes: CallOutcome[] = [];
  const calls = req.method === "OPTIONS" ? 0 : batchCalls(req);
  if (calls > MAX_BATCH_CALLS) log.warn({ event: "api.batch_too_large", calls }, "batch over the limit refused");
  const res = await answer(req, calls, correlationId, log, outcomes, deadline);
  logRequest(log, res.status, outcomes);
  // Every response built above has mutable headers: set ours on it rather than copy it.
  for (const [k, v] of API_HEADERS) res.headers.set(k, v);
  res.headers.set(CORRELATION_HEADER, correlationId);
  return res;
}
