import { describe, expect, it } from "vitest";
import { periodContaining, resetsWithin } from "@/server/sources/billingPeriod";

const d = (s: string) => new Date(s);

describe("usage periods anchored at the subscription start", () => {
  it("finds the monthly period containing a moment", () => {
    expect(periodContaining(d("2026-01-15T10:00:00Z"), "month", d("2026-03-20T00:00:00Z"))).toEqual({
      start: d("2026-03-15T10:00:00Z"),
      end: d("2026-04-15T10:00:00Z"),
    });
  });

  it("includes the start instant and excludes the end instant", () => {
    const anchor = d("2026-01-15T10:00:00Z");
    expect(periodContaining(anchor, "month", d("2026-03-15T10:00:00Z")).start).toEqual(d("2026-03-15T10:00:00Z"));
    expect(periodContaining(anchor, "month", d("2026-03-15T09:59:59.999Z")).start).toEqual(d("2026-02-15T10:00:00Z"));
  });

  it("clamps month ends the way calendars do (Jan 31 → Feb 28 → Mar 31)", () => {
    const anchor = d("2026-01-31T00:00:00Z");
    expect(periodContaining(anchor, "month", d("2026-03-01T00:00:00Z"))).toEqual({
      start: d("2026-02-28T00:00:00Z"),
      end: d("2026-03-31T00:00:00Z"),
    });
  });

  it("handles days, weeks and years, and anchors far in the past", () => {
    expect(periodContaining(d("2026-01-01T00:00:00Z"), "day", d("2026-01-03T05:00:00Z")).start).toEqual(d("2026-01-03T00:00:00Z"));
    expect(periodContaining(d("2026-01-01T00:00:00Z"), "week", d("2026-01-20T00:00:00Z")).start).toEqual(d("2026-01-15T00:00:00Z"));
    expect(periodContaining(d("2001-06-01T00:00:00Z"), "year", d("2026-05-31T00:00:00Z")).start).toEqual(d("2025-06-01T00:00:00Z"));
  });

  it("lists the resets strictly inside a window", () => {
    const anchor = d("2026-01-10T00:00:00Z");
    expect(resetsWithin(anchor, "month", d("2026-02-01T00:00:00Z"), d("2026-04-10T00:00:00Z"))).toEqual([
      d("2026-02-10T00:00:00Z"),
      d("2026-03-10T00:00:00Z"),
    ]);
  });

  it("answers a moment outside the period it found last, in either direction, with that moment's period", () => {
    const anchor = d("2026-01-31T00:00:00Z");
    const march = { start: d("2026-03-31T00:00:00Z"), end: d("2026-04-30T00:00:00Z") };
    expect(periodContaining(anchor, "month", d("2026-04-02T00:00:00Z"))).toEqual(march);
    expect(periodContaining(anchor, "month", d("2026-04-29T23:59:59.999Z"))).toEqual(march);
    expect(periodContaining(anchor, "month", d("2026-03-30T23:59:59.999Z"))).toEqual({ start: d("2026-02-28T00:00:00Z"), end: march.start });
    expect(periodContaining(anchor, "month", d("2026-04-30T00:00:00Z"))).toEqual({ start: march.end, end: d("2026-05-31T00:00:00Z") });
    expect(periodContaining(anchor, "week", d("2026-02-02T00:00:00Z"))).toEqual({ start: d("2026-01-31T00:00:00Z"), end: d("2026-02-07T00:00:00Z") });
  });
});
