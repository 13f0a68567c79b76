import type { CreditsEntitlement } from "@/contract";
import { formatAmount, formatNumber } from "./numbers";

const isCurrency = (unit: string) => /^[A-Z]{3}$/.test(unit);

/** "2,250 / 6,000 credits remaining", or "$22.50 / $60.00 remaining" for a currency. */
export function creditsBalanceText(entitlement: CreditsEntitlement, locale: string): string {
  const { currentBalance, totalGranted, unit } = entitlement;
  const balance = isCurrency(unit) ? formatAmount(currentBalance, unit, locale) : formatNumber(currentBalance, locale);
  return `${balance} / ${formatAmount(totalGranted, unit, locale)} remaining`;
}

/** "3,750 credits consumed": credits are "remaining" or "consumed", nothing else. */
export function creditsConsumedText(entitlement: CreditsEntitlement, locale: string): string {
  return `${formatAmount(entitlement.totalConsumed, entitlement.unit, locale)} consumed`;
}
