import { BodyTooLarge, payloadTooLarge, readTextCapped } from "@/server/http/cappedBody";
import { devStandIn, STAND_IN_MAX_BODY_BYTES } from "../../../devStandIn";

export const dynamic = "force-dynamic";

/** Sandbox-only stand-in for Stripe's `POST /v1/oauth/token`. */
export async function POST(req: Request): Promise<Response> {
  const standIn = devStandIn();
  if (!standIn) return new Response("Not found", { status: 404 });
  let text: string;
  try {
    text = await readTextCapped(req, STAND_IN_MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLarge) return payloadTooLarge(err);
    throw err;
  }
  const { status, body } = standIn.token({
    authorization: req.headers.get("authorization"),
    contentType: req.headers.get("content-type"),
    body: text,
  });
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
