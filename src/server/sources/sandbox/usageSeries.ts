import type { ResetPeriod, UsageSeries } from "@/contract";
import { type SqlReader, sql } from "../../db/sql";
import { periodContaining, resetsWithin } from "../billingPeriod";
import type { TimeWindow } from "../types";

const DAY = 864e5;

/** What decides a meter's usage window: its reset period, anchored at the subscription's start. */
export interface Meter {
  featureId: string;
  meterKind: "events" | "usage";
  resetPeriod: ResetPeriod | null;
  subscriptionStart: Date;
}

/** The meter's current usage period, or the last 30 days when it never resets. */
export function currentWindow(meter: Pick<Meter, "resetPeriod" | "subscriptionStart">, now: Date): TimeWindow {
  if (meter.resetPeriod) {
    const { start, end } = periodContaining(meter.subscriptionStart, meter.resetPeriod, now);
    return { from: start, to: end };
  }
  return { from: new Date(now.getTime() - 30 * DAY), to: now };
}

/**
 * Daily usage, aggregated by PostgreSQL over the (customer, feature, timestamp) index:
 * the day's total for `events` meters, the day's highest reading for `usage` meters.
 */
export async function usageSeriesFor(db: SqlReader, customerId: string, meter: Meter, now: Date, window?: TimeWindow): Promise<UsageSeries> {
  const { from, to } = window ?? currentWindow(meter, now);
  const rows =
    meter.meterKind === "usage"
      ? await db.rows<{ day: Date; value: number }>(sql`
          SELECT date_trunc('day', "timestamp") AS day, max(value) AS value
          FROM usage_record
          WHERE customer_id = ${customerId} AND feature_id = ${meter.featureId}
            AND "timestamp" >= ${from} AND "timestamp" < ${to}
          GROUP BY day ORDER BY day`)
      : await db.rows<{ day: Date; value: number }>(sql`
          SELECT date_trunc('day', "timestamp") AS day, sum(value) AS value
          FROM usage_record
          WHERE customer_id = ${customerId} AND feature_id = ${meter.featureId}
            AND "timestamp" >= ${from} AND "timestamp" < ${to}
          GROUP BY day ORDER BY day`);
  return {
    featureId: meter.featureId,
    from: from.toISOString(),
    to: to.toISOString(),
    points: rows.map((r) => ({ timestamp: new Date(r.day).toISOString(), value: Number(r.value) })),
    resetMarkers: meter.resetPeriod
      ? resetsWithin(meter.subscriptionStart, meter.resetPeriod, from, to).map((d) => d.toISOString())
      : [],
  };
}
