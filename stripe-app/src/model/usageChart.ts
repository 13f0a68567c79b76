import type { MeteredEntitlement, UsageSeries } from "@/contract";

/** A point of the SDK's forecast line chart (ui/next `ForecastedLineChartData`). */
export type UsageChartPoint = { x: Date; y: number | null; name: string; period: "actual" | "forecast" };

export const USAGE_SERIES = "Usage";
/** The limit's series says its value, since LineChart takes no reference line or label: "Limit (10,000)". */
export const limitSeriesName = (limitText: string) => `Limit (${limitText})`;

const DAY = 864e5;

/**
 * The usage graph's data over the whole period (`series.from`–`series.to`):
 * - `events` meters: usage accumulated since the period's start (back to 0 at a reset),
 *   each day's total placed at the day's end, then the host's projection continuing the
 *   line to the period's end as the forecast;
 * - `usage` meters: each day's reading;
 * - the limit as a second series across the period, when there is one. Without it, an
 *   empty point at the period's end still stretches the axis over the whole period.
 */
export function usageChartData(
  entitlement: MeteredEntitlement,
  series: UsageSeries,
  now: Date,
  formatLimit: (n: number) => string = String,
): UsageChartPoint[] {
  const from = Date.parse(series.from);
  const to = Date.parse(series.to);
  const actual = (x: number, y: number | null): UsageChartPoint => ({ x: new Date(x), y, name: USAGE_SERIES, period: "actual" });
  const points = [...series.points].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  const out: UsageChartPoint[] = [];

  if (entitlement.meterKind === "events") {
    const resets = series.resetMarkers.map(Date.parse).sort((a, b) => a - b);
    let total = 0;
    let last = from;
    out.push(actual(from, 0));
    for (const p of points) {
      const day = Date.parse(p.timestamp);
      // A reset inside this day's bucket starts the total again before the bucket is added.
      const reset = resets.filter((r) => r > last && r < day + DAY).at(-1);
      if (reset !== undefined) {
        total = 0;
        out.push(actual(reset, 0));
      }
      total += p.value;
      last = Math.max(from, Math.min(day + DAY, to, now.getTime()));
      out.push(actual(last, total));
    }
    const projection = entitlement.projection;
    if (projection?.status === "projected" && last < to) {
      out.push({ ...actual(last, total), period: "forecast" });
      out.push({ ...actual(to, Math.max(total, projection.projectedAtPeriodEnd)), period: "forecast" });
    }
  } else {
    for (const p of points) out.push(actual(Math.max(from, Date.parse(p.timestamp)), p.value));
  }

  const limit = entitlement.unlimited ? null : entitlement.usageLimit;
  if (limit !== null) {
    const name = limitSeriesName(formatLimit(limit));
    out.push({ x: new Date(from), y: limit, name, period: "actual" });
    out.push({ x: new Date(to), y: limit, name, period: "actual" });
  } else if (!out.some((p) => p.x.getTime() >= to)) {
    out.push(actual(to, null));
  }
  return out;
}
