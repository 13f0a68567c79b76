import { describe, expect, it } from "vitest";
import { knownSubscriptionStatus } from "@host/contract";
import { statusPill } from "../../src/model/subscriptionStatus";

describe("the status pill", () => {
  it("has a label and colour for every status the contract knows", () => {
    for (const status of knownSubscriptionStatus.options) {
      const pill = statusPill({ status, rawStatus: status });
      expect(pill.label, status).not.toBe(status);
      expect(pill.label.length, status).toBeGreaterThan(0);
    }
  });

  it("shows an unknown status as the source words it, in a neutral pill", () => {
    expect(statusPill({ status: "UNKNOWN", rawStatus: "PAUSED" })).toEqual({ label: "PAUSED", type: "neutral" });
  });

  it("names an unknown status that the source left blank", () => {
    expect(statusPill({ status: "UNKNOWN", rawStatus: "" })).toEqual({ label: "Unknown status", type: "neutral" });
  });
});
