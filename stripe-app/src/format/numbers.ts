import { numberFormat } from "./intl";

/** "1,000" in en-US, "1.000" in de-DE. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A ratio as a whole percentage: 0.85 → "85%". */
export function formatPercent(ratio: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

/** An amount in a unit that may be an ISO currency code ("USD") or a plain unit ("credits"). */
export function formatAmount(value: number, unit: string, locale: string): string {
  if (/^[A-Z]{3}$/.test(unit)) {
    try {
      return numberFormat(locale, { style: "currency", currency: unit }).format(value);
    } catch {
      // not a currency Intl knows: show it as a unit
    }
  }
  return `${formatNumber(value, locale)} ${unit}`;
}
