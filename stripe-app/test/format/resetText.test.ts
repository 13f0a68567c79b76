import { describe, expect, it } from "vitest";
import { resetText } from "../../src/format/resetText";

const monthly = { resetPeriod: "month" as const, currentPeriodEnd: "2026-12-15T12:00:00.000Z" };

describe("resetText", () => {
  it('says "Resets Dec 15" for a meter whose period ends then (tests run in UTC)', () => {
    expect(resetText(monthly, "en-US")).toBe("Resets Dec 15");
  });

  it("uses the user's locale and time zone", () => {
    expect(resetText(monthly, "de-DE")).toBe("Resets 15. Dez.");
    const previous = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati"; // UTC+14: already the 16th there
    try {
      expect(resetText(monthly, "en-US")).toBe("Resets Dec 16");
    } finally {
      process.env.TZ = previous;
    }
  });

  it("says nothing for a meter that never resets, or whose period end is unknown", () => {
    expect(resetText({ resetPeriod: null, currentPeriodEnd: "2026-12-15T12:00:00.000Z" }, "en-US")).toBeNull();
    expect(resetText({ resetPeriod: "month", currentPeriodEnd: null }, "en-US")).toBeNull();
  });
});
