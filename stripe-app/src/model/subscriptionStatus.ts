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
