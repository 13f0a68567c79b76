import { addDays, addMonths, addWeeks, addYears, differenceInCalendarMonths } from "date-fns";
import { UTCDate } from "@date-fns/utc";
import type { ResetPeriod } from "@/contract";

const step: Record<ResetPeriod, (d: Date, n: number) => Date> = {
  day: addDays,
  week: addWeeks,
  month: addMonths,
  year: addYears,
};

/**
 * The usage period containing `at` for a meter that resets every `period`, counted from
 * the subscription's start (`anchor`), as Stigg anchors usage resets to the billing cycle.
 */
export function periodContaining(anchorAt: Date, period: ResetPeriod, at: Date): { start: Date; end: Date } {
  // Every first paint asks this for each meter, at a new `now` inside the same period: the
  // calendar steps (a good share of a paint's CPU, profiled) run once per period instead.
  const key = `${anchorAt.getTime()}/${period}`;
  const known = recent.get(key);
  if (known && known.start <= at.getTime() && at.getTime() < known.end) {
    return { start: new Date(known.start), end: new Date(known.end) };
  }
  const found = calendarPeriod(anchorAt, period, at);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(key, { start: found.start.getTime(), end: found.end.getTime() });
  return found;
}

/** The last period found per anchor and reset period, as instants; a bounded memo. */
const recent = new Map<string, { start: number; end: number }>();
const RECENT_MAX = 10_000;

function calendarPeriod(anchorAt: Date, period: ResetPeriod, at: Date): { start: Date; end: Date } {
  // Calendar steps in UTC, whatever the server's time zone.
  const anchor = new UTCDate(anchorAt);
  const add = step[period];
  // Jump close to `at` first so that long-running subscriptions cost O(1), then settle.
  let n =
    period === "month"
      ? Math.max(0, differenceInCalendarMonths(at, anchor) - 1)
      : period === "year"
        ? Math.max(0, at.getUTCFullYear() - anchor.getUTCFullYear() - 1)
        : Math.max(0, Math.floor((at.getTime() - anchor.getTime()) / (period === "day" ? 864e5 : 6048e5)) - 1);
  while (add(anchor, n + 1) <= at) n++;
  while (n > 0 && add(anchor, n) > at) n--;
  return { start: new Date(add(anchor, n).getTime()), end: new Date(add(anchor, n + 1).getTime()) };
}

/** Every period boundary strictly inside (from, to). */
export function resetsWithin(anchor: Date, period: ResetPeriod, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  let { end } = periodContaining(anchor, period, from);
  while (end < to) {
    out.push(end);
    end = periodContaining(anchor, period, end).end;
  }
  return out;
}
