import { describe, expect, it } from "vitest";
import { creditSegments, usageSegments } from "../../src/model/meterSegments";

describe("meter segments", () => {
  it("usage under the limit: used and remaining add up to the limit", () => {
    expect(usageSegments(250, 1000)).toEqual([
      { label: "Used", value: 250 },
      { label: "Remaining", value: 750 },
    ]);
    expect(usageSegments(1000, 1000)).toEqual([
      { label: "Used", value: 1000 },
      { label: "Remaining", value: 0 },
    ]);
  });

  it("usage over the limit: the limit and the excess, named with its amount", () => {
    expect(usageSegments(1150, 1000)).toEqual([
      { label: "Up to the limit", value: 1000 },
      { label: "Over the limit", value: 150 },
    ]);
  });

  it("credits: remaining and used add up to what was granted, a negative balance counting as none", () => {
    expect(creditSegments(2250, 6000)).toEqual([
      { label: "Remaining", value: 2250 },
      { label: "Consumed", value: 3750 },
    ]);
    expect(creditSegments(-50, 6000)).toEqual([
      { label: "Remaining", value: 0 },
      { label: "Consumed", value: 6000 },
    ]);
  });
});
