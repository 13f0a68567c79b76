import type { Unit } from "@/contract";

/** The unit's singular form for exactly one, its plural otherwise ("0 seats", "1 seat"). */
export function unitFor(count: number, unit: Unit): string {
  return count === 1 ? unit.singular : unit.plural;
}
