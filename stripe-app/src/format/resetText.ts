import type { MeteredEntitlement } from "@/contract";
import { formatMonthDay } from "./dates";

/**
 * "Resets Dec 15": when a metered entitlement's usage starts again, the end of its current
 * period in the user's locale and time zone. Null for a meter that never resets (no reset
 * period) or whose period end the source did not report.
 */
export function resetText(entitlement: Pick<MeteredEntitlement, "resetPeriod" | "currentPeriodEnd">, locale: string): string | null {
  if (entitlement.resetPeriod === null || entitlement.currentPeriodEnd === null) return null;
  return `Resets ${formatMonthDay(entitlement.currentPeriodEnd, locale)}`;
}
