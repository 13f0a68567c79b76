import type { MeteredEntitlement, UsagePoint } from "@/contract";
import type { TimeWindow } from "../types";
import type { StiggUsageHistory } from "./queries";

const DAY = 864e5;
const dayOf = (iso: string) => new Date(Math.floor(Date.parse(iso) / DAY) * DAY).toISOString();

/**
 * Stigg's usage history is a level per point: the usage as of that moment, dropping back
 * at a reset (`isResetPoint`). The drawer wants one point per UTC day:
 * - `usage` meters (a level such as seats): the day's highest reading;
 * - `events` meters: what the day added, i.e. each point's rise over the one before it,
 *   or its whole level when the point is a reset (the count restarted from zero).
 * Series split usage by tag, so their days add up.
 */
export function dailyUsage(history: StiggUsageHistory, meterKind: MeteredEntitlement["meterKind"]): UsagePoint[] {
  const total = new Map<string, number>();
  for (const series of history.series) {
    const perDay = new Map<string, number>();
    const points = [...series.points].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    let previous: number | null = null;
    for (const p of points) {
      const day = dayOf(p.timestamp);
      if (meterKind === "usage") {
        perDay.set(day, Math.max(perDay.get(day) ?? -Infinity, p.value));
      } else {
        const added = p.isResetPoint || previous === null ? p.value : p.value - previous;
        perDay.set(day, (perDay.get(day) ?? 0) + added);
      }
      previous = p.value;
    }
    for (const [day, v] of perDay) total.set(day, (total.get(day) ?? 0) + v);
  }
  return [...total.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([timestamp, value]) => ({ timestamp, value }));
}

/** Stigg's reset markers strictly inside the window, oldest first, each once. */
export function resetMarkers(history: StiggUsageHistory, window: TimeWindow): string[] {
  const inside = history.markers
    .map((m) => m.timestamp)
    .filter((t) => Date.parse(t) > window.from.getTime() && Date.parse(t) < window.to.getTime());
  return [...new Set(inside)].sort();
}
