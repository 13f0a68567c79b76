import type { SubscriptionStatus } from "@/contract";

/** The SDK Badge's colour types. */
export type BadgeType = "neutral" | "urgent" | "warning" | "negative" | "positive" | "info";

/**
 * The status pill: active green, pending yellow, trial informational, ended subscriptions
 * negative (canceled) or neutral (expired: it ran its course).
 */
export const STATUS_PILL: Record<SubscriptionStatus, { label: string; type: BadgeType }> = {
  ACTIVE: { label: "Active", type: "positive" },
  IN_TRIAL: { label: "In trial", type: "info" },
  NOT_STARTED: { label: "Not started", type: "warning" },
  PAYMENT_PENDING: { label: "Payment pending", type: "warning" },
  CANCELED: { label: "Canceled", type: "negative" },
  EXPIRED: { label: "Expired", type: "neutral" },
};
