import { describe, expect, it } from "vitest";
import { projectionText } from "../../src/format/projection";
import { metered } from "../support/fixtures";

const apiCalls = (overrides: Parameters<typeof metered>[0]) =>
  metered({
    meterKind: "events",
    currentUsage: 600,
    usageLimit: 1000,
    currentPeriodStart: "2026-11-01T00:00:00.000Z",
    currentPeriodEnd: "2026-12-01T00:00:00.000Z",
    ...overrides,
  });

function inZone<T>(tz: string, run: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = tz;
  try {
    return run();
  } finally {
    process.env.TZ = previous;
  }
}

describe("projection line", () => {
  const heading = apiCalls({
    projection: { status: "projected", projectedAtPeriodEnd: 1240, limitReachedAt: "2026-11-25T12:00:00.000Z", basisDays: 12 },
  });

  it("says what the period ends at, when the limit is met, and that it is an estimate", () => {
    expect(projectionText(heading, "en-US")).toBe(
      "Projected 1,240 / 1,000 by Dec 1 · reaches the limit around Nov 25 (estimate from 12 days)",
    );
  });

  it("formats numbers and dates for the user's locale", () => {
    expect(projectionText(heading, "de-DE")).toBe(
      "Projected 1.240 / 1.000 by 1. Dez. · reaches the limit around 25. Nov. (estimate from 12 days)",
    );
  });

  it("shows dates in the Dashboard user's time zone, not UTC", () => {
    // Period bounds are UTC instants: Dec 1 00:00Z is still Nov 30 in Los Angeles,
    // and Nov 25 12:00Z is already Nov 26 in Kiribati (UTC+14).
    expect(inZone("America/Los_Angeles", () => projectionText(heading, "en-US"))).toContain("by Nov 30 ·");
    expect(inZone("Pacific/Kiritimati", () => projectionText(heading, "en-US"))).toContain("reaches the limit around Nov 26");
  });

  it("a projection that stays under the limit says so", () => {
    const under = apiCalls({
      projection: { status: "projected", projectedAtPeriodEnd: 300, limitReachedAt: null, basisDays: 10 },
    });
    expect(projectionText(under, "en-US")).toBe("Projected 300 / 1,000 by Dec 1 · within the limit (estimate from 10 days)");
  });

  it("a soft limit is \"the limit\" here: the row says once, beside the bar, that it is soft", () => {
    const soft = apiCalls({ ...heading, softLimit: true });
    expect(projectionText(soft, "en-US")).toContain("reaches the limit around Nov 25");
    expect(projectionText(soft, "en-US")).not.toContain("soft");
  });

  it("over the limit: says so instead of projecting", () => {
    expect(projectionText(apiCalls({ currentUsage: 1150, projection: { status: "overLimit" } }), "en-US")).toBe(
      "Already over the limit this period",
    );
    expect(projectionText(apiCalls({ currentUsage: 1000, projection: { status: "overLimit" } }), "en-US")).toBe(
      "The limit is reached this period",
    );
  });

  it("nothing when the host projected nothing", () => {
    expect(projectionText(apiCalls({ projection: null }), "en-US")).toBeNull();
  });
});
