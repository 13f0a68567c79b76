import { describe, expect, it } from "vitest";
import { periodContaining } from "@/server/sources/billingPeriod";
import { projectUsage } from "@/server/sources/projection";

const d = (s: string) => new Date(s);

// A monthly events meter, November 2026 (30 days), limit 1,000.
const november = {
  meterKind: "events" as const,
  currentUsage: 0,
  usageLimit: 1000,
  unlimited: false,
  currentPeriodStart: "2026-11-01T00:00:00.000Z",
  currentPeriodEnd: "2026-12-01T00:00:00.000Z",
};

describe("projecting an events meter to the end of its period", () => {
  it("no usage after 10 days projects nothing: no run rate, no estimate (not \"0 / 1,000 within the limit\")", () => {
    expect(projectUsage(november, d("2026-11-11T00:00:00Z"))).toBeNull();
  });

  it("waits until 3 days AND 10 % of the period have elapsed", () => {
    const used = { ...november, currentUsage: 50 };
    // Just started, then 2.9 days (< 3 days, < 10 % of 30 days).
    expect(projectUsage(used, d("2026-11-01T01:00:00Z"))).toBeNull();
    expect(projectUsage(used, d("2026-11-03T21:00:00Z"))).toBeNull();
    // 3 days = exactly 10 % of 30 days: projects.
    expect(projectUsage(used, d("2026-11-04T00:00:00Z"))).toMatchObject({ status: "projected", basisDays: 3 });
  });

  it("a linear run rate: 400 in 12 of 30 days is 1,000 by the end, the limit met on the last day", () => {
    expect(projectUsage({ ...november, currentUsage: 400 }, d("2026-11-13T00:00:00Z"))).toEqual({
      status: "projected",
      projectedAtPeriodEnd: 1000,
      limitReachedAt: "2026-12-01T00:00:00.000Z",
      basisDays: 12,
    });
    // 600 in 12 days = 50 a day: 1,500 by the end, 1,000 reached on day 20.
    expect(projectUsage({ ...november, currentUsage: 600 }, d("2026-11-13T00:00:00Z"))).toEqual({
      status: "projected",
      projectedAtPeriodEnd: 1500,
      limitReachedAt: "2026-11-21T00:00:00.000Z",
      basisDays: 12,
    });
    // 100 in 10 days: 300 by the end, the limit is not reached this period.
    expect(projectUsage({ ...november, currentUsage: 100 }, d("2026-11-11T00:00:00Z"))).toMatchObject({
      projectedAtPeriodEnd: 300,
      limitReachedAt: null,
    });
  });

  it("a reset mid-window: the run rate counts from the last reset, not from the subscription's start", () => {
    // Subscribed Sep 20, monthly resets: on Nov 30 the period started Nov 20 (10 days ago).
    const { start, end } = periodContaining(d("2026-09-20T00:00:00Z"), "month", d("2026-11-30T00:00:00Z"));
    const afterReset = {
      ...november,
      currentUsage: 200,
      currentPeriodStart: start.toISOString(),
      currentPeriodEnd: end.toISOString(),
    };
    expect(projectUsage(afterReset, d("2026-11-30T00:00:00Z"))).toEqual({
      status: "projected",
      projectedAtPeriodEnd: 600,
      limitReachedAt: null,
      basisDays: 10,
    });
    // Two days after the reset is too early again, whatever was used before it.
    expect(projectUsage(afterReset, d("2026-11-22T00:00:00Z"))).toBeNull();
  });

  it("already at or over the limit says so instead of projecting, even early in the period", () => {
    expect(projectUsage({ ...november, currentUsage: 1150 }, d("2026-11-20T00:00:00Z"))).toEqual({ status: "overLimit" });
    expect(projectUsage({ ...november, currentUsage: 1000 }, d("2026-11-02T00:00:00Z"))).toEqual({ status: "overLimit" });
  });

  it("a soft limit is projected like a hard one (crossing it is allowed, still worth knowing)", () => {
    const soft = { ...november, softLimit: true, currentUsage: 500 };
    expect(projectUsage(soft, d("2026-11-11T00:00:00Z"))).toMatchObject({
      projectedAtPeriodEnd: 1500,
      limitReachedAt: "2026-11-21T00:00:00.000Z",
    });
  });

  it("nothing for unlimited usage, a missing limit, a missing period, or a usage (level) meter", () => {
    const at = d("2026-11-20T00:00:00Z");
    expect(projectUsage({ ...november, currentUsage: 900, unlimited: true, usageLimit: null }, at)).toBeNull();
    expect(projectUsage({ ...november, currentUsage: 900, usageLimit: null }, at)).toBeNull();
    expect(projectUsage({ ...november, currentUsage: 900, currentPeriodStart: null, currentPeriodEnd: null }, at)).toBeNull();
    expect(projectUsage({ ...november, currentUsage: 900, meterKind: "usage" }, at)).toBeNull();
    // A usage meter over its limit gets nothing either: a level can fall back.
    expect(projectUsage({ ...november, currentUsage: 1200, meterKind: "usage" }, at)).toBeNull();
  });

  it("month and year periods: 10 % of a year is 36.5 days", () => {
    const year = { ...november, usageLimit: 36_500, currentPeriodStart: "2026-01-01T00:00:00.000Z", currentPeriodEnd: "2027-01-01T00:00:00.000Z" };
    // 20 days into a month projects; 20 days into a year does not.
    expect(projectUsage({ ...november, currentUsage: 100 }, d("2026-11-21T00:00:00Z"))).toMatchObject({ status: "projected" });
    expect(projectUsage({ ...year, currentUsage: 2000 }, d("2026-01-21T00:00:00Z"))).toBeNull();
    // 73 days in (20 %), 200 a day: 73,000 by the year's end, 36,500 reached on day 182.5.
    expect(projectUsage({ ...year, currentUsage: 14_600 }, d("2026-03-15T00:00:00Z"))).toEqual({
      status: "projected",
      projectedAtPeriodEnd: 73_000,
      limitReachedAt: "2026-07-02T12:00:00.000Z",
      basisDays: 73,
    });
  });

  it("does not depend on the server's time zone: period bounds are instants (UTC)", () => {
    const used = { ...november, currentUsage: 600 };
    const at = d("2026-11-13T00:00:00Z");
    const original = process.env.TZ;
    try {
      const results = ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"].map((tz) => {
        process.env.TZ = tz;
        return projectUsage(used, at);
      });
      // A server 14 h ahead of UTC and one 8 h behind it agree on the day the limit is met.
      expect(results[0]).toEqual(results[2]);
      expect(results[1]).toEqual(results[2]);
      expect(results[2]).toMatchObject({ limitReachedAt: "2026-11-21T00:00:00.000Z" });
    } finally {
      process.env.TZ = original;
    }
  });

  it("after the period's end the rate is the whole period's", () => {
    expect(projectUsage({ ...november, currentUsage: 900 }, d("2026-12-05T00:00:00Z"))).toEqual({
      status: "projected",
      projectedAtPeriodEnd: 900,
      limitReachedAt: null,
      basisDays: 30,
    });
  });
});
