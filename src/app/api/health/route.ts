import { CORRELATION_HEADER } from "@/contract";
import { correlationIdFrom } from "@/server/log/correlation";
import { storeHealth } from "@/server/db/health";
import { logger } from "@/server/log/logger";

export const dynamic = "force-dynamic";

/**
 * For load balancers and uptime checks: 200 when the store answers a trivial query within
 * a short limit, 503 when it does not. Says nothing else about the host.
 */
export async function GET(req: Request): Promise<Response> {
  const correlationId = correlationIdFrom(req.headers);
  const health = await storeHealth();
  if (health.status === "unavailable") {
    logger().warn({ correlationId, store: health.store, event: "health.store_unavailable" }, "health check: store unavailable");
  }
  return Response.json(health, {
    status: health.status === "unavailable" ? 503 : 200,
    headers: { [CORRELATION_HEADER]: correlationId, "cache-control": "no-store" },
  });
}
