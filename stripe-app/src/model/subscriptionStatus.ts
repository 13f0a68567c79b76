import type { BadgeProps } from "@stripe/ui-extension-sdk/ui";
import type { KnownSubscriptionStatus, Subscription } from "@/contract";

type Pill = { label: string; type: NonNullable<BadgeProps["type"]> };

/**
 * The status pill: active green, pending yellow, trial informational, ended subscriptions
 * negative (canceled) or neutral (expired: it ran its course).
 */
export const STATUS_PILL: Record<KnownSubscriptionStatus, Pill> = {
  ACTIVE: { label: "Active", type: "positive" },
  IN_TRIAL: { label: "In trial", type: "info" },
  NOT_STARTED: { label: "Not started", type: "warning" },
  PAYMENT_PENDING: { label: "Payment pending", type: "warning" },
  CANCELED: { label: "Canceled", type: "negative" },
  EXPIRED: { label: "Expired", type: "neutral" },
};

/** A status the app does not know is shown as the source words it, in a neutral pill: no colour claims a meaning. */
export function statusPill(subscription: Pick<Subscription, "status" | "rawStatus">): Pill {
  if (subscription.status === "UNKNOWN") return { label: subscription.rawStatus || "Unknown status", type: "neutral" };
  return STATUS_PILL[subscription.status];
}

// What the customer has now first, then what is coming, then what has ended.
const LIST_RANK: Record<Subscription["status"], number> = {
  ACTIVE: 0,
  IN_TRIAL: 1,
  PAYMENT_PENDING: 2,
  NOT_STARTED: 3,
  UNKNOWN: 4,
  CANCELED: 5,
  EXPIRED: 6,
};

/** The Subscriptions tab's order: active first; within a status, the source's order (newest first). */
export function subscriptionsInListOrder<T extends Pick<Subscription, "status">>(subscriptions: readonly T[]): T[] {
  return [...subscriptions].sort((a, b) => LIST_RANK[a.status] - LIST_RANK[b.status]);
}
