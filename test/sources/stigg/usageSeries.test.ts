import { describe, expect, it } from "vitest";
import { stiggUsageHistory } from "@/server/sources/stigg/queries";
import { dailyUsage, startsAtReset } from "@/server/sources/stigg/usageSeries";

const DAY = 864e5;
const WINDOW = { from: new Date("2026-11-01T00:00:00.000Z"), to: new Date("2026-12-01T00:00:00.000Z") };

/** One untagged series of levels, a point at noon of each listed day of November 2026. */
function history(levels: (number | { value: number; reset: true })[], markers: string[] = []) {
  return stiggUsageHistory.parse({
    markers: markers.map((timestamp) => ({ type: "PERIODIC_RESET", timestamp })),
    series: [
      {
        tags: [],
        points: levels.map((l, i) => ({
          timestamp: new Date(WINDOW.from.getTime() + i * DAY + DAY / 2).toISOString(),
          value: typeof l === "number" ? l : l.value,
          isResetPoint: typeof l !== "number",
        })),
      },
    ],
  });
}

const values = (points: { value: number }[]) => points.map((p) => p.value);

describe("usage points that never draw nonsense", () => {
  it("a meter that never resets: the first point is the baseline, not the first day's usage", () => {
    // A lifetime total of 10 000 that adds 10 a day; the window is the last days, no period start.
    const lifetime = history([10_000, 10_010, 10_020, 10_030]);
    expect(startsAtReset(lifetime, WINDOW, null)).toBe(false);
    expect(values(dailyUsage(lifetime, "events", { fromZero: false }))).toEqual([0, 10, 10, 10]);
  });

  it("a monthly reset mid-window: rises before it, the reset's level on its day, rises after it", () => {
    const monthly = history([500, 600, { value: 30, reset: true }, 80, 120], ["2026-11-03T00:00:00.000Z"]);
    expect(startsAtReset(monthly, WINDOW, null)).toBe(false);
    const daily = dailyUsage(monthly, "events", { fromZero: false });
    expect(values(daily)).toEqual([0, 100, 30, 50, 40]);
    expect(daily.every((p) => p.value >= 0)).toBe(true);
  });

  it("a window that starts at the period's start counts the first level from zero", () => {
    const period = history([100, 250]);
    expect(startsAtReset(period, WINDOW, WINDOW.from.toISOString())).toBe(true);
    expect(startsAtReset(history([100], [WINDOW.from.toISOString()]), WINDOW, null)).toBe(true);
    expect(values(dailyUsage(period, "events", { fromZero: true }))).toEqual([100, 150]);
  });

  it("a drop without isResetPoint is no usage that day, never negative; later rises count from the lower level", () => {
    const dropped = history([400, 450, 200, 260]);
    for (const fromZero of [true, false]) {
      const daily = values(dailyUsage(dropped, "events", { fromZero }));
      expect(daily).toEqual([fromZero ? 400 : 0, 50, 0, 60]);
    }
  });

  it("a usage meter (a level) draws each day's reading, and a negative reading as zero", () => {
    expect(values(dailyUsage(history([12, 7, -3, 9]), "usage", { fromZero: false }))).toEqual([12, 7, 0, 9]);
  });
});
