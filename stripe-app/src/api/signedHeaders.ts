import { fetchStripeSignature } from "@stripe/ui-extension-sdk/utils";
import { type DashboardMode, MODE_HEADER } from "@/contract";
import { markOnce, TIMING_MARKS } from "../timing/mark";

export interface Caller {
  /** The Dashboard user (`usr_…`), `userContext.id`. */
  userId: string | undefined;
  /** The Stripe account (`acct_…`), `userContext.account.id`: the tenant. */
  accountId: string;
  /** The Dashboard's mode (`environment.mode`): which of the account's links to read. */
  mode?: DashboardMode;
}

/**
 * How long after it was asked for the early signature may still be sent. The host accepts
 * a signature for 300 s (Stripe's tolerance); a minute leaves room for clock skew.
 */
const EARLY_SIGNATURE_MS = 60_000;

/**
 * Where each request's signature comes from. The first is asked for at once, so the
 * Dashboard signs while the view renders its spinner rather than after the first request
 * is built; every later request asks for a fresh one (a signature expires within
 * minutes). A failed early ask is asked again when the request needs it.
 */
export function signatureSource(): () => Promise<string> {
  let early: Promise<string> | undefined = fetchStripeSignature();
  early.catch(() => undefined);
  const earlyUntil = Date.now() + EARLY_SIGNATURE_MS;
  return () => {
    const prefetched = early;
    early = undefined;
    if (prefetched && Date.now() < earlyUntil) return prefetched.catch(() => fetchStripeSignature());
    return fetchStripeSignature();
  };
}

/**
 * The headers that authenticate a call to the host: Stripe signs `{user_id, account_id}`
 * for this app, and the host verifies the signature against these two ids.
 */
export async function signedHeaders(caller: Caller, signature: () => Promise<string>): Promise<Record<string, string>> {
  const signed = await signature();
  markOnce(TIMING_MARKS.signed);
  const headers: Record<string, string> = {
    "Stripe-Signature": signed,
    "Stripe-Account-Id": caller.accountId,
  };
  if (caller.userId) headers["Stripe-User-Id"] = caller.userId;
  // A hint, not a credential: the host picks only among the signed account's own links.
  if (caller.mode) headers[MODE_HEADER] = caller.mode;
  return headers;
}
