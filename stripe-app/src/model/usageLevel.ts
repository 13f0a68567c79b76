/**
 * How close a metered entitlement is to its limit: drives the badge beside the bar (the
 * SDK's bar takes no colour). `over` is past the limit, which the badge must not let pass
 * for "full".
 */
export type UsageLevel = "normal" | "warning" | "critical" | "over";

/** Amber from 80 % of the limit, red at 100 %, urgent above it (a soft limit included). */
export function usageLevel(usage: number, limit: number): UsageLevel {
  if (usage > limit) return "over";
  if (usage >= limit) return "critical";
  // usage / limit >= 0.8 without the float division (80 / 100 must be exactly 80 %).
  if (usage * 5 >= limit * 4) return "warning";
  return "normal";
}

/** Used share of the limit; a zero limit is fully used as soon as it exists. */
export function usageRatio(usage: number, limit: number): number {
  return limit > 0 ? usage / limit : 1;
}
