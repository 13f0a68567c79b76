import type { MeteredEntitlement, ResetPeriod } from "@/contract";
import { formatNumber } from "./numbers";
import { unitFor } from "./units";

const PER: Record<ResetPeriod, string> = {
  day: "per day",
  week: "per week",
  month: "per month",
  year: "per year",
};

/**
 * "250 / 1,000 active users per month". The unit agrees with the limit ("1 / 1
 * workspace"); without a reset period the usage never resets, so there is no "per".
 * Unlimited comes only from the explicit flag: a missing limit is not unlimited.
 */
export function meteredUsageText(entitlement: MeteredEntitlement, locale: string): string {
  const { currentUsage, usageLimit, unlimited, unit, resetPeriod } = entitlement;
  const per = resetPeriod ? ` ${PER[resetPeriod]}` : "";
  const used = formatNumber(currentUsage, locale);
  if (unlimited) return `${used} ${unitFor(currentUsage, unit)}${per} · Unlimited`;
  if (usageLimit === null) return `${used} ${unitFor(currentUsage, unit)}${per}`;
  return `${used} / ${formatNumber(usageLimit, locale)} ${unitFor(usageLimit, unit)}${per}`;
}
