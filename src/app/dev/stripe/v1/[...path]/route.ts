import { devBillingStandIn } from "@/server/dev/stripeBilling/devBillingStandIn";

export const dynamic = "force-dynamic";

/**
 * Sandbox-only stand-in for Stripe's REST API reads under /dev/stripe/v1 (the demo's
 * Stripe Billing workspace points here); /dev/stripe/v1/oauth/token is its own route.
 * 404 in live mode.
 */
export async function GET(req: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const standIn = devBillingStandIn();
  if (!standIn) return new Response("Not found", { status: 404 });
  const { path } = await params;
  const url = new URL(req.url);
  const answer = await standIn.handle({
    method: "GET",
    path: `/${path.map(encodeURIComponent).join("/")}`,
    query: url.searchParams,
    header: (name) => req.headers.get(name),
  });
  return new Response(answer.body, { status: answer.status, headers: { ...answer.headers, "cache-control": "no-store" } });
}
