import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "../../src/format/dates";

describe("dates", () => {
  it("formats a timestamp as the user's date and time (tests run in UTC)", () => {
    expect(formatDateTime("2026-11-24T14:05:00.000Z", "en-US")).toBe("Nov 24, 2026 2:05 PM");
    expect(formatDateTime("2026-11-24T14:05:00.000Z", "en-GB")).toBe("24 Nov 2026 14:05");
  });

  it("labels a usage day by its UTC day, whatever the user's zone", () => {
    const previous = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(formatDay("2026-11-11T00:00:00.000Z", "en-US")).toBe("Nov 11");
    } finally {
      process.env.TZ = previous;
    }
  });
});
