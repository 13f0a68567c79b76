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
 * The headers that authenticate a call to the host: Stripe signs `{user_id, account_id}`
 * for this app, and the host verifies the signature against these two ids.
 * Fetched per request because a signature is only valid for a few minutes.
 */
export async function signedHeaders(caller: Caller): Promise<Record<string, string>> {
  const signature = await fetchStripeSignature();
  markOnce(TIMING_MARKS.signed);
  const headers: Record<string, string> = {
    "Stripe-Signature": signature,
    "Stripe-Account-Id": caller.accountId,
  };
  if (caller.userId) headers["Stripe-User-Id"] = caller.userId;
  // A hint, not a credential: the host picks only among the signed account's own links.
  if (caller.mode) headers[MODE_HEADER] = caller.mode;
  return headers;
}
