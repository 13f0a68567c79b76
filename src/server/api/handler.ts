import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { CORRELATION_HEADER } from "@/contract";
import { correlationIdFrom } from "../log/correlation";
import { logger } from "../log/logger";
import { appRouter } from "./root";

export const API_ENDPOINT = "/api/trpc";

// The extension runs in a sandboxed, null-origin frame: it can only call an API that
// answers CORS for any origin. Credentials are never used, the signature is the auth.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers":
    "Content-Type, Stripe-Signature, Stripe-User-Id, Stripe-Account-Id, X-Correlation-Id, trpc-accept",
  "Access-Control-Expose-Headers": CORRELATION_HEADER,
  "Access-Control-Max-Age": "600",
};

/** The tRPC API over the Fetch API: CORS, a correlation id on every response, batching. */
export async function handleApiRequest(req: Request): Promise<Response> {
  const correlationId = correlationIdFrom(req.headers);
  const log = logger().child({ correlationId });
  const res =
    req.method === "OPTIONS"
      ? new Response(null, { status: 204 })
      : await fetchRequestHandler({
          endpoint: API_ENDPOINT,
          req,
          router: appRouter,
          allowBatching: true,
          createContext: () => ({ headers: req.headers, correlationId, log }),
        });
  const headers = new Headers(res.headers);
  for (const [k, v] of Object.entries(CORS)) headers.set(k, v);
  headers.set(CORRELATION_HEADER, correlationId);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
