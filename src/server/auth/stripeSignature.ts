import Stripe from "stripe";
import { stripeAccountId, stripeUserId } from "@/contract";

/** Stripe's documented tolerance for app request signatures, passed explicitly. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface SignedCaller {
  userId: string;
  accountId: string;
}

/**
 * Verifies a Stripe UI extension's signed request: the signature covers exactly
 * `{"user_id":…,"account_id":…}` in that key order. During secret rotation Stripe sends
 * one `v1=` per active secret, so any active secret may match. Returns null when nothing
 * verifies; the reason is deliberately not told to the caller.
 */
const { signature: stripeSignature } = Stripe.webhooks;

export function verifySignedCaller(headers: Headers, secrets: string[]): SignedCaller | null {
  const signature = headers.get("stripe-signature");
  const userId = stripeUserId.safeParse(headers.get("stripe-user-id"));
  const accountId = stripeAccountId.safeParse(headers.get("stripe-account-id"));
  if (!signature || !userId.success || !accountId.success) return null;
  const payload = JSON.stringify({ user_id: userId.data, account_id: accountId.data });
  for (const secret of secrets) {
    try {
      stripeSignature!.verifyHeader(payload, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
      return { userId: userId.data, accountId: accountId.data };
    } catch {
      // Not this secret; try the next active one.
    }
  }
  return null;
}
