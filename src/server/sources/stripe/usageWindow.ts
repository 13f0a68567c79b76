import type { UsagePoint } from "@/contract";

const DAY = 86_400;
const MINUTE = 60;

// Stripe's meter event summaries take Unix-second windows aligned to the grouping: UTC
// midnights with `value_grouping_window=day`, whole minutes otherwise
// (https://docs.stripe.com/api/billing/meter-event-summary/list).

/** [start, end) floored and ceiled to UTC days. */
export function dayAligned(start: number, end: number): { start: number; end: number } {
  return { start: Math.floor(start / DAY) * DAY, end: Math.max(Math.ceil(end / DAY) * DAY, Math.floor(start / DAY) * DAY + DAY) };
}

/** [start, end) floored and ceiled to whole minutes: the period's total, off by under a minute at each end. */
export function minuteAligned(start: number, end: number): { start: number; end: number } {
  return { start: Math.floor(start / MINUTE) * MINUTE, end: Math.max(Math.ceil(end / MINUTE) * MINUTE, Math.floor(start / MINUTE) * MINUTE + MINUTE) };
}

/** One point per day summary, at its UTC midnight, oldest first; days without usage have no summary and no point. */
export function dailyPoints(summaries: { start: number; value: number }[]): UsagePoint[] {
  return [...summaries]
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ timestamp: new Date(s.start * 1000).toISOString(), value: s.value }));
}
