import type { MeteredEntitlement, UsagePoint } from "@/contract";
import type { TimeWindow } from "../types";
import type { StiggUsageHistory } from "./queries";

const DAY = 864e5;
const dayOf = (iso: string) => new Date(Math.floor(Date.parse(iso) / DAY) * DAY).toISOString();

/**
 * Stigg's usage history is read as a level per point: the usage as of that moment, dropping
 * back at a reset (`isResetPoint`). How to read a point is published nowhere (README, "still
 * unverified"), so whatever the reading these hold: no day is ever negative, and a level
 * whose start is unknown is a baseline, not a day's usage. The drawer wants one point per
 * UTC day:
 * - `usage` meters (a level such as seats): the day's highest reading;
 * - `events` meters: what the day added, i.e. each point's rise over the one before it, or
 *   its whole level when the point is a reset (the count restarted from zero). The first
 *   point counts as usage only when the window starts at a reset (`fromZero`: the level
 *   was 0 then); otherwise (a meter that never resets, a window that starts mid-period) it
 *   is the baseline the rises are counted from. A drop without a reset point is not usage:
 *   the day adds nothing and later rises count from the lower level.
 * Series split usage by tag, so their days add up.
 */
export function dailyUsage(
  history: StiggUsageHistory,
  meterKind: MeteredEntitlement["meterKind"],
  options: { fromZero: boolean },
): UsagePoint[] {
  const total = new Map<string, number>();
  for (const series of history.series) {
    const perDay = new Map<string, number>();
    const points = [...series.points].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    let previous: number | null = options.fromZero ? 0 : null;
    for (const p of points) {
      const day = dayOf(p.timestamp);
      if (meterKind === "usage") {
        perDay.set(day, Math.max(perDay.get(day) ?? 0, p.value));
      } else {
        const added = p.isResetPoint ? p.value : previous === null ? 0 : p.value - previous;
        perDay.set(day, (perDay.get(day) ?? 0) + Math.max(0, added));
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

/** Whether a reset happens exactly where the window starts: the level there is zero. */
export function startsAtReset(history: StiggUsageHistory, window: TimeWindow, periodStart: string | null): boolean {
  const from = window.from.getTime();
  return (periodStart !== null && Date.parse(periodStart) === from) || history.markers.some((m) => Date.parse(m.timestamp) === from);
}
