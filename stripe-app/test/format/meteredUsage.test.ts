import { describe, expect, it } from "vitest";
import { meteredUsageText } from "../../src/format/meteredUsage";
import { metered } from "../support/fixtures";

const text = (overrides: Parameters<typeof metered>[0]) => meteredUsageText(metered(overrides), "en-US");

describe("meteredUsageText", () => {
  it("reads like the reference: grouped numbers, plural unit, reset period", () => {
    expect(text({})).toBe("250 / 1,000 active users per month");
  });

  it("uses the singular unit when the limit is exactly 1, plural otherwise", () => {
    const workspaces = { unit: { singular: "workspace", plural: "workspaces" }, resetPeriod: null };
    expect(text({ ...workspaces, currentUsage: 1, usageLimit: 1 })).toBe("1 / 1 workspace");
    expect(text({ ...workspaces, currentUsage: 0, usageLimit: 2 })).toBe("0 / 2 workspaces");
    expect(text({ ...workspaces, currentUsage: 1, usageLimit: 0 })).toBe("1 / 0 workspaces");
  });

  it.each([
    ["day", "per day"],
    ["week", "per week"],
    ["month", "per month"],
    ["year", "per year"],
  ] as const)("says %s resets as '%s'", (resetPeriod, per) => {
    expect(text({ resetPeriod })).toBe(`250 / 1,000 active users ${per}`);
  });

  it("has no period suffix when the usage never resets", () => {
    expect(text({ resetPeriod: null })).toBe("250 / 1,000 active users");
  });

  it("groups large numbers with the user's locale", () => {
    const e = metered({ currentUsage: 1234567, usageLimit: 2000000 });
    expect(meteredUsageText(e, "en-US")).toBe("1,234,567 / 2,000,000 active users per month");
    expect(meteredUsageText(e, "de-DE")).toBe("1.234.567 / 2.000.000 active users per month");
  });

  it("says Unlimited only when the unlimited flag is set", () => {
    expect(text({ unlimited: true, usageLimit: null, currentUsage: 4321 })).toBe(
      "4,321 active users per month · Unlimited",
    );
  });

  it("no limit reported and no reset period: the usage alone", () => {
    expect(text({ unlimited: false, usageLimit: null, currentUsage: 250, resetPeriod: null })).toBe("250 active users");
  });

  it("never reads a missing limit as unlimited", () => {
    const shown = text({ unlimited: false, usageLimit: null, currentUsage: 1 });
    expect(shown).toBe("1 active user per month");
    expect(shown).not.toContain("Unlimited");
  });
});
