import { describe, expect, it } from "vitest";
import { knownSubscriptionStatus } from "@host/contract";
import { statusPill, subscriptionsInListOrder } from "../../src/model/subscriptionStatus";

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

describe("the Subscriptions tab's order", () => {
  it("puts active first, then trial, pending, not started, and what has ended last, keeping the source's order within a status", () => {
    const subs = [
      { id: "next", status: "NOT_STARTED" as const },
      { id: "pending", status: "PAYMENT_PENDING" as const },
      { id: "trial", status: "IN_TRIAL" as const },
      { id: "expired", status: "EXPIRED" as const },
      { id: "pro", status: "ACTIVE" as const },
      { id: "canceled", status: "CANCELED" as const },
      { id: "basic", status: "ACTIVE" as const },
    ];
    expect(subscriptionsInListOrder(subs).map((s) => s.id)).toEqual(["pro", "basic", "trial", "pending", "next", "canceled", "expired"]);
  });
});
