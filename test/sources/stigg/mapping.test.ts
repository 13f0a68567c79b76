import { describe, expect, it } from "vitest";
import { entitlement as contractEntitlement, subscription as contractSubscription } from "@/contract";
import { grantedBy, toCreditEntitlement, toCustomer, toEntitlement, toSubscription } from "@/server/sources/stigg/mapping";
import { stiggCreditEntitlement, stiggEntitlement, stiggSubscription, stiggUsageHistory } from "@/server/sources/stigg/queries";
import { dailyUsage, resetMarkers } from "@/server/sources/stigg/usageSeries";
import { credits, entitlements, fixture, FULL, subscriptions } from "./fixture";

// Every row goes through the wire schema first, as a real answer does.
const NOW = new Date("2026-11-24T12:00:00.000Z");
const map = (row: unknown) => contractEntitlement.parse(toEntitlement(stiggEntitlement.parse(row), NOW));

describe("Stigg entitlements in the contract's terms", () => {
  it("a boolean feature is enabled when Stigg grants it, and names its subscription", () => {
    expect(map(entitlements.sso)).toEqual({
      id: "feature-sso",
      name: "Single sign-on",
      kind: "boolean",
      enabled: true,
      grantedBy: [{ subscriptionId: "sub-pro", planName: "Pro" }],
    });
    expect(map(entitlements.auditLog)).toMatchObject({ kind: "boolean", enabled: false });
  });

  it("a NUMBER feature without a meter is a configuration value with its unit", () => {
    expect(map(entitlements.maxProjects)).toEqual({
      id: "feature-max-projects",
      name: "Projects",
      kind: "numeric",
      value: 25,
      unlimited: false,
      unit: { singular: "project", plural: "projects" },
      grantedBy: [
        { subscriptionId: "sub-pro", planName: "Pro" },
        { subscriptionId: "sub-team-trial", planName: "Team" },
      ],
    });
  });

  it("unlimited comes from hasUnlimitedUsage only; a null limit alone is not unlimited", () => {
    expect(map(entitlements.workspaces)).toMatchObject({ kind: "numeric", value: null, unlimited: true, unit: null });
    expect(map(entitlements.retention)).toMatchObject({ kind: "numeric", value: null, unlimited: false });
    // A singular unit without a plural keeps the singular for both.
    expect(map(entitlements.retention)).toMatchObject({ unit: { singular: "day", plural: "day" } });
  });

  it("an ENUM feature is a configuration value: the granted values", () => {
    expect(map(entitlements.region)).toMatchObject({ kind: "numeric", value: "eu-west, us-east", unlimited: false });
  });

  it("an Incremental meter is an events meter with its limit, reset period and usage period", () => {
    expect(map(entitlements.apiCalls)).toEqual({
      id: "feature-api-calls",
      name: "API calls",
      kind: "metered",
      meterKind: "events",
      currentUsage: 8_200,
      usageLimit: 10_000,
      unlimited: false,
      softLimit: false,
      unit: { singular: "call", plural: "calls" },
      resetPeriod: "month",
      currentPeriodStart: "2026-11-01T00:00:00.000Z",
      currentPeriodEnd: "2026-12-01T00:00:00.000Z",
      // 8,200 in 23.5 of 30 days: 10,468 by Dec 1, the 10,000 reached 28.66 days in.
      projection: {
        status: "projected",
        projectedAtPeriodEnd: 10_468,
        limitReachedAt: expect.stringMatching(/^2026-11-29T15:48/),
        basisDays: 23,
      },
      grantedBy: [{ subscriptionId: "sub-pro", planName: "Pro" }],
    });
  });

  it("a Fluctuating meter is a usage meter; the soft limit and the display name override carry over", () => {
    expect(map(entitlements.seats)).toMatchObject({
      name: "Team seats",
      kind: "metered",
      meterKind: "usage",
      currentUsage: 12,
      usageLimit: 10,
      softLimit: true,
      resetPeriod: null,
      currentPeriodStart: null,
      grantedBy: [
        { subscriptionId: "sub-pro", planName: "Pro" },
        { subscriptionId: "sub-team-trial", planName: "Team" },
      ],
    });
  });

  it("an unlimited meter has no limit; an hourly reset is no reset period rather than a wrong one", () => {
    expect(map(entitlements.storage)).toMatchObject({
      kind: "metered",
      usageLimit: null,
      unlimited: true,
      resetPeriod: null,
      unit: { singular: "unit", plural: "units" },
      grantedBy: [],
    });
  });

  it.each([
    ["DAY", "day"],
    ["WEEK", "week"],
    ["MONTH", "month"],
    ["YEAR", "year"],
  ] as const)("reset period %s is %s", (stigg, contract) => {
    expect(map({ ...entitlements.apiCalls, resetPeriod: stigg })).toMatchObject({ resetPeriod: contract });
  });

  it("a meter with neither a limit nor unlimited usage is usage with no limit reported, not unlimited", () => {
    expect(map({ ...entitlements.apiCalls, usageLimit: null })).toMatchObject({
      kind: "metered",
      currentUsage: 8_200,
      usageLimit: null,
      unlimited: false,
    });
  });

  it("leaves out, with the reason, what it cannot show: no feature, an unknown feature or meter type", () => {
    const skip = (row: unknown) => toEntitlement(stiggEntitlement.parse(row), NOW);
    expect(skip({ ...entitlements.sso, feature: null })).toEqual({ skipped: "the entitlement has no feature", featureId: null });
    expect(skip({ ...entitlements.sso, feature: { ...entitlements.sso.feature, featureType: "JSON" } })).toEqual({
      skipped: "unknown feature type JSON",
      featureId: "feature-sso",
    });
    expect(skip({ ...entitlements.apiCalls, feature: { ...entitlements.apiCalls.feature, meterType: "Decremental" } })).toEqual({
      skipped: "unknown meter type Decremental",
      featureId: "feature-api-calls",
    });
  });

  it("a reset period this app does not know is no reset period", () => {
    expect(map({ ...entitlements.apiCalls, resetPeriod: "FORTNIGHT" })).toMatchObject({ resetPeriod: null });
  });

  it("grantedBy prefers the subscription's own plan name", () => {
    const row = stiggEntitlement.parse({
      ...entitlements.sso,
      summaries: [{ subscription: { subscriptionId: "sub-x", plan: { displayName: "Plan of sub" } }, plan: { displayName: "Add-on plan" } }],
    });
    expect(grantedBy(row)).toEqual([{ subscriptionId: "sub-x", planName: "Plan of sub" }]);
  });

  it("a credit entitlement is a credits entitlement in the currency's units, its balance granted less consumed", () => {
    const credit = (row: object) =>
      contractEntitlement.parse(toCreditEntitlement(stiggCreditEntitlement.parse({ __typename: "CreditEntitlementWithSummary", ...row })));
    expect(credit(credits.aiTokens)).toEqual({
      id: "cred-ai-tokens",
      name: "AI tokens",
      kind: "credits",
      grantedBy: [],
      currentBalance: 750,
      totalGranted: 1_000,
      totalConsumed: 250,
      // A promotional grant in effect, made to the customer directly: "+ promotional grant".
      hasCustomerLevelGrant: true,
      unit: "tokens",
    });
    // Grants not reported: where the credits came from is unknown, not "none".
    expect(credit({ ...credits.supportHours, summaries: null })).toMatchObject({ hasCustomerLevelGrant: null });
    // Neither granted nor consumed reported: none of either.
    expect(credit({ ...credits.supportHours, usageLimit: null, currentUsage: null })).toMatchObject({
      currentBalance: 0,
      totalGranted: 0,
      totalConsumed: 0,
    });
  });
});

describe("Stigg subscriptions in the contract's terms", () => {
  const mapped = (id: string) => {
    const { customerId: _, ...row } = subscriptions.find((s) => s.subscriptionId === id)!;
    return contractSubscription.parse(toSubscription(stiggSubscription.parse(row), NOW));
  };

  it("maps every status one to one", () => {
    const all = ["sub-pro", "sub-team-trial", "sub-starter-old", "sub-enterprise-next", "sub-pending", "sub-expired"];
    expect(all.map((id) => mapped(id).status)).toEqual(["ACTIVE", "IN_TRIAL", "CANCELED", "NOT_STARTED", "PAYMENT_PENDING", "EXPIRED"]);
  });

  it("a status this app does not know is UNKNOWN, with Stigg's word for it", () => {
    const row = stiggSubscription.parse({ ...subscriptions.find((x) => x.subscriptionId === "sub-pro"), status: "PAUSED" });
    expect(contractSubscription.parse(toSubscription(row, NOW))).toMatchObject({ status: "UNKNOWN", rawStatus: "PAUSED", trialEndsAt: null });
  });

  it("carries plan, dates and the trial end while in trial", () => {
    expect(mapped("sub-team-trial")).toEqual({
      id: "sub-team-trial",
      planId: "plan-team",
      planName: "Team",
      status: "IN_TRIAL",
      rawStatus: "IN_TRIAL",
      trialEndsAt: "2026-12-10T00:00:00.000Z",
      startDate: "2026-11-10T00:00:00.000Z",
      createdAt: "2026-11-10T00:00:00.000Z",
      updatedAt: "2026-11-10T00:00:00.000Z",
    });
  });

  it("last updated is the latest lifecycle event that has happened", () => {
    expect(mapped("sub-starter-old").updatedAt).toBe("2026-09-30T00:00:00.000Z");
    expect(mapped("sub-pro").updatedAt).toBe("2026-10-01T00:00:00.000Z");
    // A start in the future is not an update yet.
    expect(mapped("sub-enterprise-next").updatedAt).toBe("2026-09-28T08:00:00.000Z");
  });

  it("a subscription without a creation time is dated by its start", () => {
    expect(mapped("sub-pending")).toMatchObject({ createdAt: "2026-11-20T00:00:00.000Z", updatedAt: "2026-11-20T00:00:00.000Z" });
  });

  it("normalises Stigg's dates to ISO instants", () => {
    const { customerId: _, ...row } = subscriptions[0]!;
    const s = toSubscription(stiggSubscription.parse({ ...row, startDate: "2026-10-01T02:00:00+02:00" }), NOW);
    expect(s.startDate).toBe("2026-10-01T00:00:00.000Z");
  });
});

describe("Stigg customers", () => {
  it("links to the customer in the Stigg app and keeps a missing name as null", () => {
    expect(toCustomer({ customerId: "solo dev/1", name: "", email: "a@b.test" }, "cus_X1", "https://app.stigg.test")).toEqual({
      stripeCustomerId: "cus_X1",
      stiggCustomerId: "solo dev/1",
      name: null,
      email: "a@b.test",
      stiggUrl: "https://app.stigg.test/customers/solo%20dev%2F1",
    });
  });
});

describe("Stigg usage history as daily points", () => {
  const history = stiggUsageHistory.parse(fixture.usage[`${FULL.stigg}/feature-api-calls`]);

  it("an events meter counts what each day added, restarting from zero at a reset", () => {
    const inWindow = { ...history, series: history.series.map((s) => ({ ...s, points: s.points.slice(1) })) };
    expect(dailyUsage(inWindow, "events", { fromZero: true })).toEqual([
      { timestamp: "2026-11-02T00:00:00.000Z", value: 300 },
      { timestamp: "2026-11-03T00:00:00.000Z", value: 150 },
      { timestamp: "2026-11-15T00:00:00.000Z", value: 70 },
    ]);
  });

  it("a usage meter shows each day's highest reading", () => {
    const seats = stiggUsageHistory.parse(fixture.usage[`${FULL.stigg}/feature-seats`]);
    expect(dailyUsage(seats, "usage", { fromZero: true })).toEqual([
      { timestamp: "2026-11-20T00:00:00.000Z", value: 5 },
      { timestamp: "2026-11-21T00:00:00.000Z", value: 12 },
    ]);
  });

  it("tagged series add up day by day", () => {
    const split = stiggUsageHistory.parse({
      markers: [],
      series: [
        { tags: [{ key: "region", value: "eu" }], points: [{ timestamp: "2026-11-02T01:00:00Z", value: 4, isResetPoint: false }] },
        { tags: [{ key: "region", value: "us" }], points: [{ timestamp: "2026-11-02T02:00:00Z", value: 6, isResetPoint: false }] },
      ],
    });
    expect(dailyUsage(split, "usage", { fromZero: true })).toEqual([{ timestamp: "2026-11-02T00:00:00.000Z", value: 10 }]);
    expect(dailyUsage(split, "events", { fromZero: true })).toEqual([{ timestamp: "2026-11-02T00:00:00.000Z", value: 10 }]);
  });

  it("reset markers are the ones strictly inside the window", () => {
    const window = { from: new Date("2026-11-01T00:00:00.000Z"), to: new Date("2026-12-01T00:00:00.000Z") };
    expect(resetMarkers(history, window)).toEqual(["2026-11-15T00:00:00.000Z"]);
  });
});
