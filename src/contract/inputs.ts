import { z } from "zod";
import { featureId, isoDateTime, stripeCustomerId, stripeSubscriptionId, subscriptionId } from "./ids";
import { dashboardMode } from "./mode";

// Strict objects: an unknown field is a client bug worth a BAD_REQUEST, not silence.
export const customerInput = z.strictObject({
  stripeCustomerId,
  /** Read through to the source, skipping any cache (the drawer's refresh). */
  fresh: z.boolean().optional(),
});
export type CustomerInput = z.infer<typeof customerInput>;

export const entitlementsInput = z.strictObject({
  stripeCustomerId,
  /** Restrict to what one subscription grants (the Subscription drawer). */
  subscriptionId: subscriptionId.optional(),
  /** Read through to the source, skipping any cache (the refresh icon). */
  fresh: z.boolean().optional(),
});
export type EntitlementsInput = z.infer<typeof entitlementsInput>;

const MAX_WINDOW_MS = 400 * 24 * 3600 * 1000;

export const usageSeriesInput = z
  .strictObject({
    stripeCustomerId,
    featureId,
    /** Read through to the source, skipping any cache (the drawer's refresh, for open graphs). */
    fresh: z.boolean().optional(),
    /** Window start; defaults to the current billing period. */
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .refine((i) => (i.from === undefined) === (i.to === undefined), {
    message: "Give both from and to, or neither",
    path: ["to"],
  })
  .refine((i) => !i.from || !i.to || Date.parse(i.from) < Date.parse(i.to), {
    message: "from must be before to",
    path: ["to"],
  })
  .refine((i) => !i.from || !i.to || Date.parse(i.to) - Date.parse(i.from) <= MAX_WINDOW_MS, {
    message: "The window can span at most 400 days",
    path: ["to"],
  });
export type UsageSeriesInput = z.infer<typeof usageSeriesInput>;

/** The Stripe subscription page: entitlements of the subscription billed through this one. */
export const subscriptionEntitlementsInput = z.strictObject({
  stripeSubscriptionId,
  fresh: z.boolean().optional(),
});
export type SubscriptionEntitlementsInput = z.infer<typeof subscriptionEntitlementsInput>;

// The settings view is about the account, not a customer: no stripeCustomerId.
export const linksInput = z.strictObject({});
export type LinksInput = z.infer<typeof linksInput>;

/** Removes this app's own link record of one mode; nothing in Stigg or Stripe. */
export const disconnectInput = z.strictObject({ mode: dashboardMode });
export type DisconnectInput = z.infer<typeof disconnectInput>;
