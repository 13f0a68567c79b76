import Stripe from "stripe";
import { stripeAccountId, stripeUserId } from "@/contract";

/** Stripe's documented tolerance for app request signatures, passed explicitly. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface SignedCaller {
  userId: string;
  accountId: string;
}

const { signature: stripeSignature } = Stripe.webhooks;

/**
 * The header's timestamp, read the way the stripe package reads it (the last `t=`, parsed
 * with parseInt), so the value checked here is the one its HMAC covered.
 */
function signedTimestamp(header: string): number {
  let timestamp = Number.NaN;
  for (const item of header.split(",")) {
    const [key, value] = item.split("=");
    if (key === "t") timestamp = Number.parseInt(value ?? "", 10);
  }
  return timestamp;
}

/**
 * verifyHeader refuses only timestamps too far in the past; one signed ahead of our clock
 * would otherwise stay valid until that time comes (forever, for t=99999999999).
 */
export function isFromTheFuture(header: string, nowMs: number): boolean {
  const t = signedTimestamp(header);
  return !Number.isSafeInteger(t) || t - Math.floor(nowMs / 1000) > SIGNATURE_TOLERANCE_SECONDS;
}

/**
 * Verifies a Stripe UI extension's signed request: the signature covers exactly
 * `{"user_id":…,"account_id":…}` in that key order. During secret rotation Stripe sends
 * one `v1=` per active secret, so any active secret may match. The timestamp must lie
 * within the tolerance on both sides of our clock. Returns null when nothing verifies;
 * the reason is deliberately not told to the caller.
 */
export function verifySignedCaller(headers: Headers, secrets: string[], nowMs = Date.now()): SignedCaller | null {
  const signature = headers.get("stripe-signature");
  const userId = stripeUserId.safeParse(headers.get("stripe-user-id"));
  const accountId = stripeAccountId.safeParse(headers.get("stripe-account-id"));
  if (!signature || !userId.success || !accountId.success) return null;
  if (isFromTheFuture(signature, nowMs)) return null;
  const payload = JSON.stringify({ user_id: userId.data, account_id: accountId.data });
  for (const secret of secrets) {
    try {
      stripeSignature!.verifyHeader(payload, signature, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, nowMs);
      return { userId: userId.data, accountId: accountId.data };
    } catch {
      // Not this secret; try the next active one.
    }
  }
  return null;
}
