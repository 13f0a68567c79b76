import { describe, expect, it } from "vitest";
import { filterEntitlements, NO_FILTER } from "../../src/model/entitlementFilter";
import { fullList, SEATS } from "../support/fixtures";

const names = (filter: Partial<typeof NO_FILTER>) =>
  filterEntitlements(fullList().entitlements, { ...NO_FILTER, ...filter }).map((e) => e.name);

describe("filterEntitlements", () => {
  it("keeps everything without a filter", () => {
    expect(names({})).toHaveLength(fullList().entitlements.length);
  });

  it("searches names case-insensitively, anywhere in the name", () => {
    expect(names({ search: "CALLS" })).toEqual(["API calls"]);
    expect(names({ search: "  sign " })).toEqual(["Single sign-on"]);
    expect(names({ search: "zzz" })).toEqual([]);
  });

  it("filters by kind", () => {
    expect(names({ kind: "boolean" })).toEqual(["Advanced analytics", "Custom domain", "Single sign-on"]);
    expect(names({ kind: "credits" })).toEqual(["AI credits"]);
  });

  it("filters by granting subscription", () => {
    expect(names({ subscriptionId: SEATS.subscriptionId })).toEqual(["Seats", "Single sign-on"]);
  });

  it("combines all three", () => {
    expect(names({ subscriptionId: SEATS.subscriptionId, kind: "metered" })).toEqual(["Seats"]);
    expect(names({ subscriptionId: SEATS.subscriptionId, kind: "metered", search: "sso" })).toEqual([]);
    expect(names({ kind: "metered", search: "a" })).toEqual(["Active users", "API calls", "Seats"]);
  });
});
