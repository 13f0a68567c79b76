/** How close a metered entitlement is to its limit: drives the progress bar's colour. */
export type UsageLevel = "normal" | "warning" | "critical";

/** Amber from 80 % of the limit, red from 100 % (including over a soft limit). */
export function usageLevel(usage: number, limit: number): UsageLevel {
  if (usage >= limit) return "critical";
  // usage / limit >= 0.8 without the float division (80 / 100 must be exactly 80 %).
  if (usage * 5 >= limit * 4) return "warning";
  return "normal";
}

/** Used share of the limit; a zero limit is fully used as soon as it exists. */
export function usageRatio(usage: number, limit: number): number {
  return limit > 0 ? usage / limit : 1;
}
