import { z } from "zod";

// Stripe ids are short ASCII tokens; bounding them keeps a hostile input from
// reaching the database or an upstream API as an arbitrary string.
export const stripeCustomerId = z
  .string()
  .regex(/^cus_[A-Za-z0-9]{1,64}$/, "Expected a Stripe customer id like cus_123ABC");

export const stripeAccountId = z
  .string()
  .regex(/^acct_[A-Za-z0-9]{1,64}$/, "Expected a Stripe account id like acct_123ABC");

export const stripeUserId = z
  .string()
  .regex(/^usr_[A-Za-z0-9]{1,64}$/, "Expected a Stripe user id like usr_123ABC");

/** Feature ids are Stigg refIds: letters, digits, dash, underscore, dot. */
export const featureId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, "Expected a feature id like feature-active-users");

/**
 * Subscription ids come from the source (Stigg ids, sandbox ids), so their alphabet is not
 * ours to fix; they are still printable ASCII without spaces, and bounded.
 */
export const subscriptionId = z
  .string()
  .regex(/^[\x21-\x7E]{1,128}$/, "Expected a subscription id: 1 to 128 printable characters, no spaces");

export const isoDateTime = z.iso.datetime({ offset: true });

export const stripeSubscriptionId = z
  .string()
  .regex(/^sub_[A-Za-z0-9]{1,64}$/, "Expected a Stripe subscription id like sub_123ABC");
