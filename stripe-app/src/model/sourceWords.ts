import {
  STIGG_LOADING,
  STIGG_NOT_FOUND,
  STRIPE_BILLING_LOADING,
  STRIPE_BILLING_NOT_FOUND,
  type WorkspaceKind,
} from "@/contract";

// The drawer's words that name its source, for the linked workspace's kind; null: not known
// yet (nothing answered). The demo workspace stands in for Stigg, so it takes Stigg's words,
// which are also the product document's.

const isStripeBilling = (kind: WorkspaceKind | null) => kind === "stripe_billing";

/** Whose data the spinner waits for. */
export const loadingWords = (kind: WorkspaceKind | null) => (isStripeBilling(kind) ? STRIPE_BILLING_LOADING : STIGG_LOADING);

/** The 404's sentence: where the Stripe customer was looked for. */
export const notFoundWords = (kind: WorkspaceKind | null) => (isStripeBilling(kind) ? STRIPE_BILLING_NOT_FOUND : STIGG_NOT_FOUND);

/**
 * Whether the drawer may offer "View in Stigg". A Stripe Billing workspace has no Stigg: its
 * customers live in the Dashboard the drawer is already open in.
 */
export const linksToStigg = (kind: WorkspaceKind | null) => !isStripeBilling(kind);

/** Who may be rate limiting the drawer's reads. */
export const sourceName = (kind: WorkspaceKind | null) => (isStripeBilling(kind) ? "Stripe" : "Stigg");
