import type { UsageSeries } from "@/contract";
import type { Db } from "../../db/client";
import type { EntitlementGrant, Feature, Subscription } from "@/generated/prisma/client";
import { periodContaining, resetsWithin } from "../billingPeriod";
import type { TimeWindow } from "../types";

const DAY = 864e5;

/** The grant's current usage period, or the last 30 days when it never resets. */
export function currentWindow(grant: EntitlementGrant & { subscription: Subscription }, now: Date): TimeWindow {
  if (grant.resetPeriod) {
    const { start, end } = periodContaining(grant.subscription.startDate, grant.resetPeriod, now);
    return { from: start, to: end };
  }
  return { from: new Date(now.getTime() - 30 * DAY), to: now };
}

/**
 * Daily usage, aggregated by PostgreSQL over the (customer, feature, timestamp) index:
 * the day's total for `events` meters, the day's highest reading for `usage` meters.
 */
export async function usageSeriesFor(
  db: Db,
  customerId: string,
  grant: EntitlementGrant & { feature: Feature; subscription: Subscription },
  now: Date,
  window?: TimeWindow,
): Promise<UsageSeries> {
  const { from, to } = window ?? currentWindow(grant, now);
  const rows =
    grant.feature.meterKind === "usage"
      ? await db.$queryRaw<{ day: Date; value: number }[]>`
          SELECT date_trunc('day', "timestamp") AS day, max(value) AS value
          FROM usage_record
          WHERE customer_id = ${customerId} AND feature_id = ${grant.featureId}
            AND "timestamp" >= ${from} AND "timestamp" < ${to}
          GROUP BY day ORDER BY day`
      : await db.$queryRaw<{ day: Date; value: number }[]>`
          SELECT date_trunc('day', "timestamp") AS day, sum(value) AS value
          FROM usage_record
          WHERE customer_id = ${customerId} AND feature_id = ${grant.featureId}
            AND "timestamp" >= ${from} AND "timestamp" < ${to}
          GROUP BY day ORDER BY day`;
  return {
    featureId: grant.featureId,
    from: from.toISOString(),
    to: to.toISOString(),
    points: rows.map((r) => ({ timestamp: new Date(r.day).toISOString(), value: Number(r.value) })),
    resetMarkers: grant.resetPeriod
      ? resetsWithin(grant.subscription.startDate, grant.resetPeriod, from, to).map((d) => d.toISOString())
      : [],
  };
}
