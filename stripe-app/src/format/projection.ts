import type { MeteredEntitlement } from "@/contract";
import { formatMonthDay } from "./dates";
import { formatNumber } from "./numbers";

/**
 * The projection line under the usage text, always marked as an estimate:
 * "Projected 1,240 / 1,000 by Dec 13 · reaches the limit around Dec 5 (estimate from 12 days)".
 * Dates are in the Dashboard user's time zone. Null when the host projected nothing. A soft
 * limit is "the limit" here too: the row says it is soft once, beside the bar.
 */
export function projectionText(entitlement: MeteredEntitlement, locale: string): string | null {
  const { projection, usageLimit, currentUsage, currentPeriodEnd } = entitlement;
  if (!projection || usageLimit === null) return null;
  if (projection.status === "overLimit") {
    return currentUsage > usageLimit ? "Already over the limit this period" : "The limit is reached this period";
  }
  const by = currentPeriodEnd ? ` by ${formatMonthDay(currentPeriodEnd, locale)}` : "";
  const reach = projection.limitReachedAt
    ? `reaches the limit around ${formatMonthDay(projection.limitReachedAt, locale)}`
    : "within the limit";
  const estimate = `(estimate from ${formatNumber(projection.basisDays, locale)} days)`;
  return `Projected ${formatNumber(projection.projectedAtPeriodEnd, locale)} / ${formatNumber(usageLimit, locale)}${by} · ${reach} ${estimate}`;
}
