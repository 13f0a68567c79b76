import Stripe from "stripe";
import { z } from "zod";
import { CORRELATION_HEADER } from "@/contract";
import { forgetSourceReads } from "../api/lastRead";
import { SIGNATURE_TOLERANCE_SECONDS } from "../auth/stripeSignature";
import { getConfig } from "../config";
import { getDb } from "../db/client";
import { BodyTooLarge, readTextCapped } from "../http/cappedBody";
import { correlationIdFrom } from "../log/correlation";
import { logger } from "../log/logger";
import { unlinkAccount } from "../oauth/unlinkAccount";

export const WEBHOOK_PATH = "/api/stripe/webhook";
/** Stripe's events are a few KiB; the deauthorization event far less. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;
export const DEAUTHORIZED = "account.application.deauthorized";

// Only what this endpoint acts on; the rest of Stripe's event is not ours to check.
const deauthorization = z.object({
  type: z.literal(DEAUTHORIZED),
  livemode: z.boolean(),
  account: z.string().regex(/^acct_[A-Za-z0-9]{1,64}$/),
});

function answer(status: number, body: Record<string, unknown>, correlationId: string): Response {
  return Response.json(body, { status, headers: { [CORRELATION_HEADER]: correlationId, "cache-control": "no-store" } });
}

/**
 * The event, verified over the exact bytes with the endpoint's signing secret, or with the
 * managed sandbox's endpoint's: which one verified it says whether it concerns a Stripe
 * sandbox install (never anything in the body, which either could send). Throws if neither.
 */
function verifiedEvent(payload: string, signature: string): { event: Stripe.Event; sandbox: boolean } {
  const { webhookSecret, sandboxWebhookSecret } = getConfig();
  try {
    return { event: Stripe.webhooks.constructEvent(payload, signature, webhookSecret, SIGNATURE_TOLERANCE_SECONDS), sandbox: false };
  } catch (err) {
    if (!sandboxWebhookSecret) throw err;
    return { event: Stripe.webhooks.constructEvent(payload, signature, sandboxWebhookSecret, SIGNATURE_TOLERANCE_SECONDS), sandbox: true };
  }
}

/**
 * Stripe's events for this app, verified with the webhook signing secret over the exact
 * bytes received (or, for Stripe sandbox installs, the managed sandbox endpoint's). On an
 * uninstall (`account.application.deauthorized`) the account's link of the event's mode
 * goes, and with it the sealed token it holds: a sandbox endpoint's event removes only a
 * Stripe sandbox's link, the other endpoint's never one. Other events are acknowledged
 * and ignored, so Stripe does not retry them.
 */
export async function handleStripeWebhook(req: Request): Promise<Response> {
  const correlationId = correlationIdFrom(req.headers);
  const log = logger().child({ correlationId });
  let payload: string;
  try {
    payload = await readTextCapped(req, MAX_WEBHOOK_BODY_BYTES);
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err;
    log.warn({ event: "webhook.body_too_large" }, "webhook body over the cap refused");
    return answer(413, { error: err.message, correlationId }, correlationId);
  }
  let event: Stripe.Event;
  let sandbox: boolean;
  try {
    ({ event, sandbox } = verifiedEvent(payload, req.headers.get("stripe-signature") ?? ""));
  } catch {
    log.warn({ event: "webhook.bad_signature" }, "webhook refused: signature does not verify");
    return answer(400, { error: "The Stripe-Signature header does not verify for this endpoint.", correlationId }, correlationId);
  }
  if (event.type !== DEAUTHORIZED) {
    log.info({ event: "webhook.ignored", type: event.type }, "webhook event ignored");
    return answer(200, { received: true }, correlationId);
  }
  const parsed = deauthorization.safeParse(event);
  if (!parsed.success) {
    log.warn({ event: "webhook.no_account" }, "deauthorization event without an account refused");
    return answer(400, { error: "The deauthorization event names no Stripe account.", correlationId }, correlationId);
  }
  const { account, livemode } = parsed.data;
  let removed: number;
  try {
    removed = await unlinkAccount(await getDb(), account, livemode, sandbox);
  } catch (err) {
    // Not acknowledged: Stripe delivers the event again later, when the store may answer.
    log.error({ event: "webhook.store_failed", accountId: account, err }, "deauthorization not applied: the store failed");
    return answer(503, { error: "The event could not be applied now; Stripe will deliver it again.", correlationId }, correlationId);
  }
  forgetSourceReads(account, livemode);
  log.info({ event: "webhook.deauthorized", accountId: account, livemode, sandbox, removed }, "app uninstalled: link removed");
  return answer(200, { received: true, removedLinks: removed }, correlationId);
}
