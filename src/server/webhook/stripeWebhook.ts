import type Stripe from "stripe";
import { z } from "zod";
import { CORRELATION_HEADER } from "@/contract";
import { forgetSourceReads } from "../api/lastRead";
import { getConfig } from "../config";
import { getDb, noteChange } from "../db/client";
import { BodyTooLarge, readBytesCapped } from "../http/cappedBody";
import { correlationIdFrom } from "../log/correlation";
import { logger } from "../log/logger";
import { applyDeauthorization, type DeauthorizationOutcome } from "./applyDeauthorization";
import { verifyEvent } from "./verifyEvent";

export const WEBHOOK_PATH = "/api/stripe/webhook";
/** Stripe's events are a few KiB; the deauthorization event far less. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;
export const DEAUTHORIZED = "account.application.deauthorized";

// Only what this endpoint acts on; the rest of Stripe's event is not ours to check.
const deauthorization = z.object({
  id: z.string().min(1).max(255),
  created: z.number().int(),
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
 * sandbox install (never anything in the body, which either could send). Null if neither.
 */
function verifiedEvent(payload: Buffer, signature: string): { event: Stripe.Event; sandbox: boolean } | null {
  const { webhookSecret, sandboxWebhookSecret } = getConfig();
  const event = verifyEvent(payload, signature, webhookSecret);
  if (event) return { event, sandbox: false };
  const sandboxEvent = sandboxWebhookSecret ? verifyEvent(payload, signature, sandboxWebhookSecret) : null;
  return sandboxEvent && { event: sandboxEvent, sandbox: true };
}

/**
 * Stripe's events for this app, verified with the webhook signing secret over the exact
 * bytes received (or, for Stripe sandbox installs, the managed sandbox endpoint's). On an
 * uninstall (`account.application.deauthorized`) the account's link of the event's mode
 * goes, and with it the sealed token it holds, once per event and never a link granted
 * after the event (applyDeauthorization.ts): a sandbox endpoint's event removes only a
 * Stripe sandbox's link, the other endpoint's never one. Other events are acknowledged
 * and ignored, so Stripe does not retry them.
 */
export async function handleStripeWebhook(req: Request): Promise<Response> {
  const correlationId = correlationIdFrom(req.headers);
  const log = logger().child({ correlationId });
  let payload: Buffer;
  try {
    payload = await readBytesCapped(req, MAX_WEBHOOK_BODY_BYTES);
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err;
    log.warn({ event: "webhook.body_too_large" }, "webhook body over the cap refused");
    return answer(413, { error: err.message, correlationId }, correlationId);
  }
  const verified = verifiedEvent(payload, req.headers.get("stripe-signature") ?? "");
  if (!verified) {
    log.warn({ event: "webhook.bad_signature" }, "webhook refused: signature does not verify");
    return answer(400, { error: "The Stripe-Signature header does not verify for this endpoint.", correlationId }, correlationId);
  }
  const { event, sandbox } = verified;
  if (event.type !== DEAUTHORIZED) {
    log.info({ event: "webhook.ignored", type: event.type }, "webhook event ignored");
    return answer(200, { received: true }, correlationId);
  }
  const parsed = deauthorization.safeParse(event);
  if (!parsed.success) {
    log.warn({ event: "webhook.malformed_deauthorization" }, "deauthorization event without an account, id or creation time refused");
    return answer(400, { error: "The deauthorization event lacks its Stripe account, id or creation time.", correlationId }, correlationId);
  }
  const { id: eventId, account, livemode, created } = parsed.data;
  let outcome: DeauthorizationOutcome;
  try {
    outcome = await applyDeauthorization(await getDb(), { eventId, account, livemode, sandbox, created });
  } catch (err) {
    // Not acknowledged: Stripe delivers the event again later, when the store may answer.
    log.error({ event: "webhook.store_failed", accountId: account, err }, "deauthorization not applied: the store failed");
    return answer(503, { error: "The event could not be applied now; Stripe will deliver it again.", correlationId }, correlationId);
  }
  if (outcome.kind === "replay") {
    log.info({ event: "webhook.replay", eventId, accountId: account }, "deauthorization already applied: ignored");
    return answer(200, { received: true, duplicate: true }, correlationId);
  }
  if (outcome.kind === "older_than_grant") {
    const grantedAt = outcome.grantedAt.toISOString();
    const eventCreated = new Date(created * 1000).toISOString();
    log.warn(
      { event: "webhook.deauthorization_older_than_grant", eventId, accountId: account, livemode, eventCreated, grantedAt },
      "deauthorization ignored: the link was granted after the event was created (a reinstall)",
    );
    return answer(200, { received: true, removedLinks: 0, ignored: "older_than_grant" }, correlationId);
  }
  if (outcome.removed > 0) noteChange();
  forgetSourceReads(account, livemode);
  log.info({ event: "webhook.deauthorized", eventId, accountId: account, livemode, sandbox, removed: outcome.removed }, "app uninstalled: link removed");
  return answer(200, { received: true, removedLinks: outcome.removed }, correlationId);
}
