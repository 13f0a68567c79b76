import { z } from "zod";
import { isoDateTime } from "./ids";

/** The statuses the app knows how to show. */
export const knownSubscriptionStatus = z.enum([
  "ACTIVE",
  "IN_TRIAL",
  "NOT_STARTED",
  "PAYMENT_PENDING",
  "CANCELED",
  "EXPIRED",
]);
export type KnownSubscriptionStatus = z.infer<typeof knownSubscriptionStatus>;

/** UNKNOWN: a status the source reports that the app does not know (see `rawStatus`). */
export const subscriptionStatus = z.enum([...knownSubscriptionStatus.options, "UNKNOWN"]);
export type SubscriptionStatus = z.infer<typeof subscriptionStatus>;

export const subscription = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  status: subscriptionStatus,
  /**
   * The source's own word for the status. Equal to `status` for a known one; for UNKNOWN it
   * is what the drawer shows, in a neutral pill, rather than guessing a meaning.
   */
  rawStatus: z.string(),
  /** Set while the subscription is IN_TRIAL. */
  trialEndsAt: isoDateTime.nullable(),
  startDate: isoDateTime,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Subscription = z.infer<typeof subscription>;

export const subscriptionList = z.object({ subscriptions: z.array(subscription) });
export type SubscriptionList = z.infer<typeof subscriptionList>;
