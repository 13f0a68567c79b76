import type { MeteredEntitlement, UsageProjection } from "@/contract";

const DAY = 864e5;
/** Before this much of the period has elapsed the run rate says more about noise than use. */
const MIN_DAYS = 3;
const MIN_SHARE = 0.1;

type Facts = Pick<
  MeteredEntitlement,
  "meterKind" | "currentUsage" | "usageLimit" | "unlimited" | "currentPeriodStart" | "currentPeriodEnd"
>;

/**
 * Usage at the period's end at the run rate so far (usage / time since the period started,
 * which is the last reset), and when that rate meets the limit. Pure, from what the
 * entitlement already carries, so the first paint needs no further read. Instants are
 * epoch-based: the server's time zone plays no part.
 */
export function projectUsage(m: Facts, now: Date): UsageProjection | null {
  // A `usage` meter reports a level (seats): it does not accumulate, so it has no run rate.
  if (m.meterKind !== "events" || m.unlimited || m.usageLimit === null) return null;
  if (m.currentUsage >= m.usageLimit) return { status: "overLimit" };
  if (!m.currentPeriodStart || !m.currentPeriodEnd) return null;
  const start = Date.parse(m.currentPeriodStart);
  const end = Date.parse(m.currentPeriodEnd);
  const length = end - start;
  const elapsed = Math.min(now.getTime(), end) - start;
  if (length <= 0 || elapsed < MIN_DAYS * DAY || elapsed < MIN_SHARE * length) return null;
  // Nothing used yet is no run rate: an estimate of "0 by the end" would only be noise.
  if (m.currentUsage <= 0) return null;

  const rate = m.currentUsage / elapsed;
  const projected = rate * length;
  // Usage near the largest number a float holds has no projection worth showing.
  if (!Number.isFinite(projected)) return null;
  const reachedAt = start + m.usageLimit / rate;
  return {
    status: "projected",
    projectedAtPeriodEnd: Math.round(projected),
    limitReachedAt: reachedAt <= end ? new Date(reachedAt).toISOString() : null,
    basisDays: Math.floor(elapsed / DAY),
  };
}
