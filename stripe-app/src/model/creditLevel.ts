import type { UsageLevel } from "./usageLevel";

/** Share of the granted credits still available (0 when nothing was granted). */
export function remainingRatio(balance: number, granted: number): number {
  return granted > 0 ? Math.max(0, balance) / granted : 0;
}

/** Credits run out from the other end: amber at 20 % left or less, red when none are left. */
export function creditLevel(balance: number, granted: number): UsageLevel {
  if (balance <= 0) return "critical";
  return remainingRatio(balance, granted) <= 0.2 ? "warning" : "normal";
}
