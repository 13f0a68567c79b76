import { describe, expect, it } from "vitest";
import { creditLevel, remainingRatio } from "../../src/model/creditLevel";
import { usageLevel, usageRatio } from "../../src/model/usageLevel";

describe("usageLevel", () => {
  it.each([
    [0, "normal"],
    [79, "normal"],
    [80, "warning"],
    [99, "warning"],
    [100, "critical"],
    [101, "over"],
    [115, "over"],
  ] as const)("%i %% of the limit is %s", (percent, level) => {
    expect(usageLevel(percent, 100)).toBe(level);
    // Same thresholds at other scales, where float division would round.
    expect(usageLevel(percent * 1000, 100_000)).toBe(level);
  });

  it("is critical at a zero limit, over it past one", () => {
    expect(usageLevel(0, 0)).toBe("critical");
    expect(usageLevel(1, 0)).toBe("over");
    expect(usageRatio(5, 0)).toBe(1);
  });
});


describe("creditLevel", () => {
  it("turns amber at 20 % left and red when nothing is left", () => {
    expect(creditLevel(2250, 6000)).toBe("normal");
    expect(creditLevel(1200, 6000)).toBe("warning");
    expect(creditLevel(0, 6000)).toBe("critical");
    expect(creditLevel(-5, 6000)).toBe("critical");
    expect(remainingRatio(2250, 6000)).toBe(0.375);
    expect(remainingRatio(10, 0)).toBe(0);
  });
});
