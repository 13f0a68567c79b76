import { describe, expect, it } from "vitest";
import { numericValueText } from "../../src/format/numericValue";
import { numeric } from "../support/fixtures";

describe("numericValueText", () => {
  it("shows a number with its unit", () => {
    expect(numericValueText(numeric({ value: 5 }), "en-US")).toBe("5 MB");
    expect(numericValueText(numeric({ value: 2048 }), "en-US")).toBe("2,048 MB");
  });

  it("agrees the unit with the value", () => {
    const days = { unit: { singular: "day", plural: "days" } };
    expect(numericValueText(numeric({ ...days, value: 1 }), "en-US")).toBe("1 day");
    expect(numericValueText(numeric({ ...days, value: 30 }), "en-US")).toBe("30 days");
  });

  it("shows a string value as it is", () => {
    expect(numericValueText(numeric({ value: "Priority", unit: null }), "en-US")).toBe("Priority");
  });

  it("shows a number without unit", () => {
    expect(numericValueText(numeric({ value: 3, unit: null }), "en-US")).toBe("3");
  });

  it("says Unlimited from the flag, and Not set for a missing value without it", () => {
    expect(numericValueText(numeric({ value: null, unlimited: true }), "en-US")).toBe("Unlimited");
    expect(numericValueText(numeric({ value: null, unlimited: false }), "en-US")).toBe("Not set");
  });
});
