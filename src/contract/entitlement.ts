import { z } from "zod";
import { failureCode, retryAfter, sourcePart } from "./failures";
import { isoDateTime, sourceId } from "./ids";

/** The subscription(s) an entitlement comes from, for the subscription filter and the row. */
export const grantSource = z.object({ subscriptionId: z.string(), planName: z.string() });
export type GrantSource = z.infer<typeof grantSource>;

export const unit = z.object({ singular: z.string(), plural: z.string() });
export type Unit = z.infer<typeof unit>;

export const resetPeriod = z.enum(["day", "week", "month", "year"]);
export type ResetPeriod = z.infer<typeof resetPeriod>;

const base = {
  /** Feature id, or credit currency id for credits. Unique within one customer's list. */
  id: sourceId,
  name: z.string(),
  grantedBy: z.array(grantSource),
};

export const booleanEntitlement = z.object({
  ...base,
  kind: z.literal("boolean"),
  enabled: z.boolean(),
});

/** A configuration feature: an integer or string value, or unlimited. */
export const numericEntitlement = z.object({
  ...base,
  kind: z.literal("numeric"),
  value: z.union([z.number(), z.string()]).nullable(),
  unlimited: z.boolean(),
  unit: unit.nullable(),
});

/**
 * Where an `events` meter's usage is heading by the period's end, at the period's run rate
 * so far (usage over time elapsed since the period started, i.e. since the last reset).
 * An estimate: shown as one wherever it appears.
 */
export const usageProjection = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("projected"),
    /** Usage at `currentPeriodEnd` if the run rate holds (rounded). */
    projectedAtPeriodEnd: z.number(),
    /** When the run rate reaches the limit; null when not within this period. */
    limitReachedAt: isoDateTime.nullable(),
    /** Whole days of the period the run rate is taken from. */
    basisDays: z.number().int(),
  }),
  /** Usage is already at or above the limit: nothing to project. */
  z.object({ status: z.literal("overLimit") }),
]);
export type UsageProjection = z.infer<typeof usageProjection>;

export const meteredEntitlement = z.object({
  ...base,
  kind: z.literal("metered"),
  /** `events`: aggregated from raw events; `usage`: reported usage (last value wins). */
  meterKind: z.enum(["events", "usage"]),
  currentUsage: z.number(),
  /**
   * Null when `unlimited`, and also when the source reports no limit without granting
   * unlimited usage ("no limit reported": shown as usage alone, with no bar, no projection).
   * Never read a null limit as unlimited: `unlimited` alone says that.
   */
  usageLimit: z.number().nullable(),
  unlimited: z.boolean(),
  softLimit: z.boolean(),
  unit: unit,
  resetPeriod: resetPeriod.nullable(),
  currentPeriodStart: isoDateTime.nullable(),
  currentPeriodEnd: isoDateTime.nullable(),
  /**
   * Null for `usage` meters (a level, not a total that accumulates), when unlimited,
   * without a limit or period, and until 3 days and 10 % of the period have elapsed.
   */
  projection: usageProjection.nullable(),
});

export const creditsEntitlement = z.object({
  ...base,
  kind: z.literal("credits"),
  currentBalance: z.number(),
  totalGranted: z.number(),
  totalConsumed: z.number(),
  /**
   * Whether the totals include grants made to the customer directly (promotional grants,
   * from no subscription), which `grantedBy` cannot name; null when the source does not say.
   */
  hasCustomerLevelGrant: z.boolean().nullable(),
  /** Unit name or ISO currency code. */
  unit: z.string(),
});

export const entitlement = z.discriminatedUnion("kind", [
  booleanEntitlement,
  numericEntitlement,
  meteredEntitlement,
  creditsEntitlement,
]);
export type Entitlement = z.infer<typeof entitlement>;
export type EntitlementKind = Entitlement["kind"];
export type BooleanEntitlement = z.infer<typeof booleanEntitlement>;
export type NumericEntitlement = z.infer<typeof numericEntitlement>;
export type MeteredEntitlement = z.infer<typeof meteredEntitlement>;
export type CreditsEntitlement = z.infer<typeof creditsEntitlement>;

/**
 * Features and credits are independent reads of the source. One failing leaves the other
 * in `entitlements`, and the failure is reported here, so the drawer shows what loaded plus
 * a notice (with the correlation id and a Retry) instead of failing the whole list.
 */
export const entitlementPart = sourcePart.extract(["features", "credits"]);
export type EntitlementPart = z.infer<typeof entitlementPart>;

export const partFailure = z.object({
  part: entitlementPart,
  code: failureCode,
  retryAfter,
  /** What a user can act on; never internals. */
  message: z.string(),
  correlationId: z.string(),
});
export type PartFailure = z.infer<typeof partFailure>;

export const entitlementList = z.object({
  /** What loaded: the parts that did not fail. */
  entitlements: z.array(entitlement),
  /** When the source was read: "Last refresh on …". */
  fetchedAt: isoDateTime,
  /** Empty when every part loaded. */
  failures: z.array(partFailure),
});
export type EntitlementList = z.infer<typeof entitlementList>;
