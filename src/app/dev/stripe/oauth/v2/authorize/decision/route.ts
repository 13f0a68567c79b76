import { getConfig } from "@/server/config";
import { BodyTooLarge, payloadTooLarge, readFormCapped } from "@/server/http/cappedBody";
import { stripeAccountId } from "@/server/oauth/connectForm";
import { devStandIn, STAND_IN_MAX_BODY_BYTES } from "../../../../devStandIn";
import { checkAuthorizeRequest, redirectBack } from "../authorizeRequest";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404 });

/**
 * The stand-in's "Approve" / "Deny": what Stripe does when the user decides. A plain form
 * POST answered with a 303, so the browser leaves with a full navigation, as from Stripe.
 */
export async function POST(req: Request): Promise<Response> {
  const standIn = devStandIn();
  if (!standIn) return notFound();
  let form: FormData | undefined;
  try {
    form = await readFormCapped(req, STAND_IN_MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLarge) return payloadTooLarge(err);
    throw err;
  }
  if (!form) return notFound();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const request = checkAuthorizeRequest(
    { client_id: field("client_id"), redirect_uri: field("redirect_uri"), state: field("state") },
    getConfig().oauth,
  );
  if ("problem" in request) return notFound();
  const go = (result: Parameters<typeof redirectBack>[1]) => Response.redirect(redirectBack(request, result), 303);
  if (field("decision") !== "approve") return go({ error: "access_denied", error_description: "The user denied your request" });
  const account = stripeAccountId.safeParse(field("account"));
  if (!account.success) return go({ error: "invalid_request", error_description: "Invalid account" });
  // The stand-in holds test-mode keys only: it installs in test mode or a Stripe sandbox.
  return go({ code: standIn.issueCode(account.data, false, field("environment") === "sandbox") });
}
