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

/**
 * An id the source sends (a feature, credit currency or subscription id), as the app passes
 * it on. Stigg's rule for new ids (below) is a rule for what it accepts at creation; legacy
 * or imported ids may differ, so what the app shows is only bounded: 1 to 255 characters,
 * none of them a control character.
 */
export const sourceId = z
  .string()
  .min(1, "Expected an id of at least one character")
  .max(255, "Expected an id of at most 255 characters")
  .regex(/^\P{Cc}*$/u, "Expected an id without control characters");

/**
 * A feature id the app forwards to Stigg: Stigg's published rule for feature ids, 1 to 255
 * characters, a letter or digit first, then letters, digits and `_ | . -`.
 */
export const featureId = z
  .string()
  .max(255, "Expected a feature id of at most 255 characters")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_|.-]*$/, "Expected a feature id like feature-active-users");

/**
 * Subscription ids come from the source (Stigg ids, sandbox ids), so their alphabet is not
 * ours to fix: the drawer sends back whatever id the source gave it (the app filters by it
 * and never forwards it), so it takes what the output carries.
 */
export const subscriptionId = sourceId;

export const isoDateTime = z.iso.datetime({ offset: true });

export const stripeSubscriptionId = z
  .string()
  .regex(/^sub_[A-Za-z0-9]{1,64}$/, "Expected a Stripe subscription id like sub_123ABC");
