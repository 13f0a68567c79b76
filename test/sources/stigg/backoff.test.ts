import { describe, expect, it } from "vitest";
import { backoffDelay, retryAfterMs } from "@/server/sources/stigg/backoff";

describe("backoff between attempts", () => {
  const base = { baseMs: 100, capMs: 2_000 };

  it("grows exponentially: half of each step fixed, half drawn at random", () => {
    const low = [0, 1, 2, 3].map((attempt) => backoffDelay(attempt, { ...base, random: () => 0 }));
    const high = [0, 1, 2, 3].map((attempt) => backoffDelay(attempt, { ...base, random: () => 0.999999 }));
    expect(low).toEqual([50, 100, 200, 400]);
    expect(high).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(2, { ...base, random: () => 0.25 })).toBe(250);
  });

  it("spreads callers that fail together", () => {
    const draws = [0.1, 0.5, 0.9];
    const delays = draws.map((r) => backoffDelay(3, { ...base, random: () => r }));
    expect(new Set(delays).size).toBe(3);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(400), expect(d).toBeLessThanOrEqual(800);
  });

  it("never steps past the cap", () => {
    expect(backoffDelay(20, { ...base, random: () => 0.999999 })).toBe(2_000);
    expect(backoffDelay(20, { ...base, random: () => 0 })).toBe(1_000);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-11-27T10:00:00.000Z");

  it("reads delay-seconds", () => {
    expect(retryAfterMs("2", now)).toBe(2_000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP-date, as time from now; a past date is no wait", () => {
    expect(retryAfterMs("Fri, 27 Nov 2026 10:00:03 GMT", now)).toBe(3_000);
    expect(retryAfterMs("Fri, 27 Nov 2026 09:59:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read, so the caller's backoff applies", () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs("", now)).toBeUndefined();
    expect(retryAfterMs("1.5", now)).toBeUndefined();
    expect(retryAfterMs("-1", now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
  });
});
