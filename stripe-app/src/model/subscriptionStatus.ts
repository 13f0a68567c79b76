import type { BadgeProps } from "@stripe/ui-extension-sdk/ui";
import type { SubscriptionStatus } from "@/contract";

/**
 * The status pill: active green, pending yellow, trial informational, ended subscriptions
 * negative (canceled) or neutral (expired: it ran its course).
 */
export const STATUS_PILL: Record<SubscriptionStatus, { label: string; type: NonNullable<BadgeProps["type"]> }> = {
  ACTIVE: { label: "Active", type: "positive" },
  IN_TRIAL: { label: "In trial", type: "info" },
  NOT_STARTED: { label: "Not started", type: "warning" },
  PAYMENT_PENDING: { label: "Payment pending", type: "warning" },
  CANCELED: { label: "Canceled", type: "negative" },
  EXPIRED: { label: "Expired", type: "neutral" },
};
