import type { NumericEntitlement } from "@/contract";
import { formatNumber } from "./numbers";
import { unitFor } from "./units";

/** A configuration feature's value: "5 MB", "Priority", "Unlimited". */
export function numericValueText(entitlement: NumericEntitlement, locale: string): string {
  const { value, unlimited, unit } = entitlement;
  if (unlimited) return "Unlimited";
  if (value === null) return "Not set";
  if (typeof value === "string") return unit ? `${value} ${unit.plural}` : value;
  return unit ? `${formatNumber(value, locale)} ${unitFor(value, unit)}` : formatNumber(value, locale);
}
