import { z } from "zod";

/**
 * The independent reads of the source a drawer is made of. Each can fail alone: the
 * customer lookup (the whole drawer: "App Failed to Load"), subscriptions, features,
 * credits, a usage graph, and the subscription page's lookup of its subscription.
 */
export const sourcePart = z.enum(["customer", "subscriptions", "features", "credits", "usage", "subscription"]);
export type SourcePart = z.infer<typeof sourcePart>;

/**
 * RATE_LIMITED: the source refused for too many requests; KEY_REJECTED: the key the
 * workspace was linked with no longer opens the account (revoked, or its permissions cut:
 * only relinking helps); else SOURCE_UNAVAILABLE (no answer in time, or a bad one).
 */
export const failureCode = z.enum(["SOURCE_UNAVAILABLE", "RATE_LIMITED", "KEY_REJECTED"]);
export type FailureCode = z.infer<typeof failureCode>;

/** Whole seconds the source asked to be left alone (its Retry-After); absent when it did not say. */
export const retryAfter = z.number().int().nonnegative().optional();

/**
 * A call whose answer rests on one read of the source that failed (the customer lookup,
 * subscriptions, a usage graph, the subscription page's lookup) fails with this in its
 * error's `data.failure`: the typed reason besides the tRPC code.
 */
export const sourceFailure = z.object({ part: sourcePart, code: failureCode, retryAfter });
export type SourceFailure = z.infer<typeof sourceFailure>;
