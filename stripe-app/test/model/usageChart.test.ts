import { describe, expect, it } from "vitest";
import { usageChartData } from "../../src/model/usageChart";
import { metered, series } from "../support/fixtures";

const d = (s: string) => new Date(s);
// The fixture period: Nov 10 12:00Z – Dec 10 12:00Z.
const NOW = d("2026-11-13T08:00:00.000Z");
const apiCalls = (overrides: Parameters<typeof metered>[0] = {}) =>
  metered({ id: "feature-api-calls", meterKind: "events", currentUsage: 60, usageLimit: 1000, ...overrides });
const days = [
  { timestamp: "2026-11-10T00:00:00.000Z", value: 10 },
  { timestamp: "2026-11-11T00:00:00.000Z", value: 20 },
  { timestamp: "2026-11-13T00:00:00.000Z", value: 30 },
];

describe("usage graph data", () => {
  it("events: accumulates from 0 at the period's start, each day's total at the day's end (today: now)", () => {
    const data = usageChartData(apiCalls(), series(days, "feature-api-calls"), NOW).filter((p) => p.name === "Usage");
    expect(data).toEqual([
      { x: d("2026-11-10T12:00:00.000Z"), y: 0, name: "Usage", period: "actual" },
      { x: d("2026-11-11T00:00:00.000Z"), y: 10, name: "Usage", period: "actual" },
      { x: d("2026-11-12T00:00:00.000Z"), y: 30, name: "Usage", period: "actual" },
      { x: NOW, y: 60, name: "Usage", period: "actual" },
    ]);
  });

  it("events: the projection continues the line from the last actual point to the period's end", () => {
    const projected = apiCalls({
      projection: { status: "projected", projectedAtPeriodEnd: 600, limitReachedAt: null, basisDays: 3 },
    });
    const usage = usageChartData(projected, series(days, "feature-api-calls"), NOW).filter((p) => p.name === "Usage");
    expect(usage.slice(-2)).toEqual([
      { x: NOW, y: 60, name: "Usage", period: "forecast" },
      { x: d("2026-12-10T12:00:00.000Z"), y: 600, name: "Usage", period: "forecast" },
    ]);
    // No forecast when over the limit.
    const over = apiCalls({ currentUsage: 1200, projection: { status: "overLimit" } });
    expect(usageChartData(over, series(days, "feature-api-calls"), NOW).some((p) => p.period === "forecast")).toBe(false);
  });

  it("events: the running total starts again at a reset marker inside the window", () => {
    const window = { ...series(days, "feature-api-calls"), resetMarkers: ["2026-11-11T12:00:00.000Z"] };
    const usage = usageChartData(apiCalls(), window, NOW).filter((p) => p.name === "Usage");
    expect(usage.map((p) => p.y)).toEqual([0, 10, 0, 20, 50]);
    expect(usage[2]!.x).toEqual(d("2026-11-11T12:00:00.000Z"));
  });

  it("the limit is a second series spanning the whole period, named with its value", () => {
    const data = usageChartData(apiCalls(), series(days, "feature-api-calls"), NOW, (n) => n.toLocaleString("en-US"));
    expect(data.filter((p) => p.name.startsWith("Limit"))).toEqual([
      { x: d("2026-11-10T12:00:00.000Z"), y: 1000, name: "Limit (1,000)", period: "actual" },
      { x: d("2026-12-10T12:00:00.000Z"), y: 1000, name: "Limit (1,000)", period: "actual" },
    ]);
  });

  it("without a limit, an empty point at the period's end keeps the axis over the whole period", () => {
    const unlimited = apiCalls({ unlimited: true, usageLimit: null });
    const data = usageChartData(unlimited, series(days, "feature-api-calls"), NOW);
    expect(data.some((p) => p.name.startsWith("Limit"))).toBe(false);
    expect(data.at(-1)).toEqual({ x: d("2026-12-10T12:00:00.000Z"), y: null, name: "Usage", period: "actual" });
  });

  it("usage meters: each day's reading as it is (a level, not accumulated)", () => {
    const seats = metered({ meterKind: "usage", usageLimit: 40 });
    const data = usageChartData(seats, series(days), NOW).filter((p) => p.name === "Usage");
    expect(data.map((p) => p.y)).toEqual([10, 20, 30]);
    // The first day's bucket starts before the period: drawn at the period's start.
    expect(data[0]!.x).toEqual(d("2026-11-10T12:00:00.000Z"));
  });
});
