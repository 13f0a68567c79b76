import { z } from "zod";
import { isoDateTime } from "./ids";

export const subscriptionStatus = z.enum([
  "ACTIVE",
  "IN_TRIAL",
  "NOT_STARTED",
  "PAYMENT_PENDING",
  "CANCELED",
  "EXPIRED",
]);
export type SubscriptionStatus = z.infer<typeof subscriptionStatus>;

export const subscription = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  status: subscriptionStatus,
  /** Set while the subscription is IN_TRIAL. */
  trialEndsAt: isoDateTime.nullable(),
  startDate: isoDateTime,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Subscription = z.infer<typeof subscription>;

export const subscriptionList = z.object({ subscriptions: z.array(subscription) });
export type SubscriptionList = z.infer<typeof subscriptionList>;
