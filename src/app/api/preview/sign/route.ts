import { z } from "zod";
import { sandboxOnly } from "@/harness/server/sandboxOnly";
import { signWithDemoSecret } from "@/harness/server/signPayload";
import { PREVIEW_SIGN_MAX_BYTES } from "@/server/http/bodyCaps";
import { readJsonCapped } from "@/server/http/cappedBody";

export const dynamic = "force-dynamic";

const id = z.string().min(1).max(255);
// Stripe signs {"user_id","account_id", ...whatever the extension adds}, in that order.
const body = z.object({ user_id: id, account_id: id }).catchall(z.union([z.string(), z.number(), z.boolean()]));

/** The harness's stand-in for the Dashboard's `fetchStripeSignature`. */
export const POST = sandboxOnly(async (req) => {
  const read = await readJsonCapped(req, PREVIEW_SIGN_MAX_BYTES);
  if (read instanceof Response) return read;
  const parsed = body.safeParse(read.json);
  if (!parsed.success) {
    return Response.json({ error: "expected {user_id, account_id, …}", issues: parsed.error.issues }, { status: 400 });
  }
  return Response.json({ signature: signWithDemoSecret(JSON.stringify(parsed.data)) });
});
