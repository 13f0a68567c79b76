// The drawer's words that name its source. The product document's strings name Stigg;
// a Stripe Billing workspace gets the same sentences, true for it. Exported one by one:
// `npm run app:contract` copies string constants to the extension.

export const STIGG_LOADING = "Loading Data From Stigg";
export const STRIPE_BILLING_LOADING = "Loading Data From Stripe Billing";

export const STIGG_NOT_FOUND = "Customer not found - Stripe customer not found in Stigg";
export const STRIPE_BILLING_NOT_FOUND = "Customer not found - Stripe customer not found in Stripe Billing";

/** The metered row's tooltip for a Stripe Billing workspace: meter event summaries are not real time. */
export const STRIPE_BILLING_USAGE_LAG = "Stripe's usage summaries can lag by a few minutes.";

/** The Gate's secondary action, where the host offers the Stripe Billing kind. */
export const STRIPE_BILLING_GATE_ACTION = "Use this account's Stripe Billing data";
