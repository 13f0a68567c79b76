import { devStandIn } from "../../../devStandIn";

export const dynamic = "force-dynamic";

/** Sandbox-only stand-in for Stripe's `POST /v1/oauth/token`. */
export async function POST(req: Request): Promise<Response> {
  const standIn = devStandIn();
  if (!standIn) return new Response("Not found", { status: 404 });
  const { status, body } = standIn.token({
    authorization: req.headers.get("authorization"),
    contentType: req.headers.get("content-type"),
    body: await req.text(),
  });
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
