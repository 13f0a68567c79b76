import { z } from "zod";
import { isoDateTime, sourceId } from "./ids";

export const usagePoint = z.object({ timestamp: isoDateTime, value: z.number() });
export type UsagePoint = z.infer<typeof usagePoint>;

/**
 * Daily usage of one metered feature over a window (the current billing period by
 * default). For `events` meters a point is that day's total; for `usage` meters, the
 * day's highest reading. `resetMarkers` are the period boundaries inside the window.
 * `points` is empty when there is no usage data.
 */
export const usageSeries = z.object({
  featureId: sourceId,
  from: isoDateTime,
  to: isoDateTime,
  points: z.array(usagePoint),
  resetMarkers: z.array(isoDateTime),
});
export type UsageSeries = z.infer<typeof usageSeries>;
