import type { ConnectUrls } from "@/contract";
import { getConfig } from "../../config";

/** The host page that starts the OAuth link flow for this account (the Gate's "Connect Stigg"). */
function connectUrlFor(stripeAccountId: string): string {
  const url = new URL("/connect", getConfig().publicUrl);
  url.searchParams.set("account", stripeAccountId);
  return url.toString();
}

/**
 * Both ways an unlinked account may link: the connect page, and (where the operator offers
 * the kind, STRIPE_BILLING_SOURCE) the same page set to the Stripe Billing kind.
 */
export function connectUrlsFor(stripeAccountId: string): ConnectUrls {
  const connectUrl = connectUrlFor(stripeAccountId);
  if (!getConfig().stripeBillingSource) return { connectUrl, stripeBillingConnectUrl: null };
  const stripeBilling = new URL(connectUrl);
  stripeBilling.searchParams.set("kind", "stripe_billing");
  return { connectUrl, stripeBillingConnectUrl: stripeBilling.toString() };
}
