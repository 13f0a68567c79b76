import type { StiggCreditEntitlementRow, StiggEntitlementRow, StiggFixture, StiggSubscriptionRow } from "../../standins/stigg";

/** One Stigg environment covering every entitlement kind and subscription status. */
export const FULL = { stripe: "cus_StiggFull", stigg: "acme-corp" } as const;
export const EMAIL_ONLY = { stripe: "cus_StiggEmailOnly", stigg: "solo-dev" } as const;
export const MANY_SUBSCRIPTIONS = { stripe: "cus_StiggMany", stigg: "big-co" } as const;
/** Its subscription pages report `hasNextPage: null`; its credit grants come without summaries. */
export const NULL_PAGING = { stripe: "cus_StiggNullPaging", stigg: "quiet-co" } as const;
export const UNKNOWN_STRIPE_CUSTOMER = "cus_StiggUnknown";
/** Stripe subscription ids the fixture's subscriptions are billed through: unlike their Stigg ids. */
export const BILLED = { pro: "sub_1StiggProBilled", teamTrial: "sub_1StiggTeamBilled", orphan: "sub_1StiggOrphanBilled" } as const;
export const STIGG_KEY = "server-7d2e9b1c-fixture-key";

const sub = (
  subscriptionId: string,
  status: StiggSubscriptionRow["status"],
  plan: [string, string],
  dates: Partial<Pick<StiggSubscriptionRow, "startDate" | "createdAt" | "trialEndDate" | "cancellationDate" | "endDate">>,
  customerId: string = FULL.stigg,
): StiggSubscriptionRow => ({
  customerId,
  subscriptionId,
  status,
  startDate: dates.startDate ?? "2026-10-01T00:00:00.000Z",
  createdAt: dates.createdAt === undefined ? "2026-09-28T08:00:00.000Z" : dates.createdAt,
  trialEndDate: dates.trialEndDate ?? null,
  cancellationDate: dates.cancellationDate ?? null,
  endDate: dates.endDate ?? null,
  plan: { refId: plan[0], displayName: plan[1] },
});

const PRO = ["plan-pro", "Pro"] as [string, string];
const TEAM = ["plan-team", "Team"] as [string, string];

export const subscriptions: StiggSubscriptionRow[] = [
  { ...sub("sub-pro", "ACTIVE", PRO, { startDate: "2026-10-01T00:00:00.000Z" }), billingId: BILLED.pro },
  {
    ...sub("sub-team-trial", "IN_TRIAL", TEAM, {
      startDate: "2026-11-10T00:00:00.000Z",
      createdAt: "2026-11-10T00:00:00.000Z",
      trialEndDate: "2026-12-10T00:00:00.000Z",
    }),
    billingId: BILLED.teamTrial,
  },
  // Billed through Stripe, but its customer is not a Stripe customer (no billing id).
  { ...sub("sub-orphan", "ACTIVE", PRO, { startDate: "2026-10-01T00:00:00.000Z" }, "no-billing"), billingId: BILLED.orphan },
  sub("sub-starter-old", "CANCELED", ["plan-starter", "Starter"], {
    startDate: "2026-01-01T00:00:00.000Z",
    createdAt: "2025-12-30T00:00:00.000Z",
    cancellationDate: "2026-09-30T00:00:00.000Z",
    endDate: "2026-09-30T00:00:00.000Z",
  }),
  sub("sub-enterprise-next", "NOT_STARTED", ["plan-enterprise", "Enterprise"], { startDate: "2027-01-01T00:00:00.000Z" }),
  sub("sub-pending", "PAYMENT_PENDING", PRO, { startDate: "2026-11-20T00:00:00.000Z", createdAt: null }),
  sub("sub-expired", "EXPIRED", TEAM, { startDate: "2025-06-01T00:00:00.000Z", endDate: "2025-12-01T00:00:00.000Z" }),
  // 120 subscriptions: more than one page of the app's paging.
  ...Array.from({ length: 120 }, (_, i) =>
    sub(`sub-many-${String(i).padStart(3, "0")}`, "EXPIRED", PRO, { startDate: "2025-01-01T00:00:00.000Z" }, MANY_SUBSCRIPTIONS.stigg),
  ),
  // 60: a second page exists, but Stigg does not say so (hasNextPage: null).
  ...Array.from({ length: 60 }, (_, i) =>
    sub(`sub-quiet-${String(i).padStart(3, "0")}`, "ACTIVE", PRO, { startDate: "2025-01-01T00:00:00.000Z" }, NULL_PAGING.stigg),
  ),
];

const granted = (...subs: [string, string][]) =>
  subs.map(([subscriptionId, planName]) => ({ subscription: { subscriptionId, plan: { displayName: planName } }, plan: { displayName: planName } }));

type Feature = NonNullable<StiggEntitlementRow["feature"]>;

const entitlement = (
  feature: Partial<Feature> & { refId: string; displayName: string },
  grant: Partial<Omit<StiggEntitlementRow, "feature">>,
): StiggEntitlementRow => ({
  isGranted: true,
  usageLimit: null,
  hasUnlimitedUsage: false,
  hasSoftLimit: false,
  currentUsage: null,
  enumValues: null,
  usagePeriodStart: null,
  usagePeriodEnd: null,
  resetPeriod: null,
  displayNameOverride: null,
  summaries: [],
  ...grant,
  feature: { featureType: "NUMBER", meterType: "None", featureUnits: null, featureUnitsPlural: null, ...feature },
});

export const entitlements = {
  sso: entitlement({ refId: "feature-sso", displayName: "Single sign-on", featureType: "BOOLEAN", meterType: null }, { summaries: granted(["sub-pro", "Pro"]) }),
  auditLog: entitlement(
    { refId: "feature-audit-log", displayName: "Audit log", featureType: "BOOLEAN", meterType: null },
    { isGranted: false, summaries: granted(["sub-team-trial", "Team"]) },
  ),
  maxProjects: entitlement(
    { refId: "feature-max-projects", displayName: "Projects", featureUnits: "project", featureUnitsPlural: "projects" },
    { usageLimit: 25, summaries: granted(["sub-pro", "Pro"], ["sub-team-trial", "Team"]) },
  ),
  workspaces: entitlement(
    { refId: "feature-workspaces", displayName: "Workspaces" },
    { hasUnlimitedUsage: true, usageLimit: null, summaries: granted(["sub-pro", "Pro"]) },
  ),
  retention: entitlement(
    { refId: "feature-retention-days", displayName: "Retention", featureUnits: "day", featureUnitsPlural: null },
    { usageLimit: null, summaries: granted(["sub-pro", "Pro"]) },
  ),
  region: entitlement(
    { refId: "feature-region", displayName: "Data region", featureType: "ENUM", meterType: null },
    { enumValues: ["eu-west", "us-east"], summaries: granted(["sub-pro", "Pro"]) },
  ),
  apiCalls: entitlement(
    { refId: "feature-api-calls", displayName: "API calls", meterType: "Incremental", featureUnits: "call", featureUnitsPlural: "calls" },
    {
      usageLimit: 10_000,
      currentUsage: 8_200,
      resetPeriod: "MONTH",
      usagePeriodStart: "2026-11-01T00:00:00.000Z",
      usagePeriodEnd: "2026-12-01T00:00:00.000Z",
      summaries: granted(["sub-pro", "Pro"]),
    },
  ),
  seats: entitlement(
    { refId: "feature-seats", displayName: "Seats", meterType: "Fluctuating", featureUnits: "seat", featureUnitsPlural: "seats" },
    {
      usageLimit: 10,
      currentUsage: 12,
      hasSoftLimit: true,
      displayNameOverride: "Team seats",
      // Two summaries from the same subscription (plan and add-on) name it once.
      summaries: [...granted(["sub-pro", "Pro"], ["sub-pro", "Pro"], ["sub-team-trial", "Team"])],
    },
  ),
  storage: entitlement(
    { refId: "feature-storage-gb", displayName: "Storage", meterType: "Incremental" },
    {
      hasUnlimitedUsage: true,
      usageLimit: null,
      currentUsage: 5,
      resetPeriod: "HOUR",
      // Granted by a promotion only: no subscription to name.
      summaries: [{ subscription: null, plan: null }],
    },
  ),
  // Neither a limit nor unlimited: usage without a limit.
  activeUsers: entitlement(
    { refId: "feature-active-users", displayName: "Active users", meterType: "Fluctuating", featureUnits: "active user", featureUnitsPlural: "active users" },
    { currentUsage: 250, resetPeriod: "MONTH", summaries: granted(["sub-pro", "Pro"]) },
  ),
  // Every nullable field of a metered entitlement null: no usage, soft limit, units,
  // period or summaries reported.
  exports: entitlement(
    { refId: "feature-exports", displayName: "Exports", meterType: "Incremental", featureUnits: null, featureUnitsPlural: "exports" },
    { usageLimit: 100, currentUsage: null, hasSoftLimit: null, summaries: null },
  ),
} satisfies Record<string, StiggEntitlementRow>;

/** Stigg's schema allows an entitlement without a feature: it cannot be shown. */
export const featureless: StiggEntitlementRow = { ...entitlements.sso, feature: null };

type Grant = NonNullable<StiggCreditEntitlementRow["summaries"]>[number];
const grant = (grantType: Grant["grantType"], sourceType: Grant["sourceType"], isEffectiveEntitlement = true): Grant => ({
  grantType,
  sourceType,
  isEffectiveEntitlement,
});

/**
 * ACME's credits, and where they came from: AI tokens from its plan and a promotion made to
 * the customer directly; support hours from the plan alone; GPU time from an add-on, plus a
 * promotion that has expired (no longer in effect); a nameless currency with no grant.
 */
export const credits = {
  aiTokens: {
    currency: { currencyId: "cred-ai-tokens", displayName: "AI tokens", unitSingular: "token", unitPlural: "tokens" },
    usageLimit: 1_000,
    currentUsage: 250,
    summaries: [grant("RECURRING", "PLAN_ENTITLEMENT"), grant("PROMOTIONAL", null)],
  },
  // No units: the currency's name stands for them.
  supportHours: {
    currency: { currencyId: "cred-support-hours", displayName: "Support hours", unitSingular: null, unitPlural: null },
    usageLimit: 10,
    currentUsage: 7,
    summaries: [grant("RECURRING", "PLAN_ENTITLEMENT")],
  },
  // Only a singular unit.
  gpu: {
    currency: { currencyId: "cred-gpu", displayName: "GPU time", unitSingular: "GPU minute", unitPlural: null },
    usageLimit: 60,
    currentUsage: 20,
    summaries: [grant("RECURRING", "ADDON_ENTITLEMENT"), grant("PROMOTIONAL", null, false)],
  },
  // No units and no name.
  nameless: {
    currency: { currencyId: "cred-nameless", displayName: "", unitSingular: null, unitPlural: null },
    usageLimit: 1,
    currentUsage: null,
    summaries: [],
  },
} satisfies Record<string, StiggCreditEntitlementRow>;

export const fixture: StiggFixture = {
  customers: [
    { customerId: FULL.stigg, name: "Acme Corp", email: "billing@acme.test", billingId: FULL.stripe },
    { customerId: EMAIL_ONLY.stigg, name: null, email: "solo@dev.test", billingId: EMAIL_ONLY.stripe },
    { customerId: MANY_SUBSCRIPTIONS.stigg, name: "Big Co", email: null, billingId: MANY_SUBSCRIPTIONS.stripe },
    { customerId: NULL_PAGING.stigg, name: "Quiet Co", email: null, billingId: NULL_PAGING.stripe },
    { customerId: "no-billing", name: "Not in Stripe", email: null, billingId: null },
  ],
  subscriptions,
  entitlements: { [FULL.stigg]: [...Object.values(entitlements), featureless] },
  credits: {
    [FULL.stigg]: Object.values(credits),
    [NULL_PAGING.stigg]: [{ ...credits.supportHours, summaries: null }],
  },
  pagesWithoutHasNextPage: [NULL_PAGING.stigg],
  usage: {
    // Levels as Stigg reports them: usage so far in the period, back to zero at a reset.
    [`${FULL.stigg}/feature-api-calls`]: {
      markers: [
        { type: "PERIODIC_RESET", timestamp: "2026-11-01T00:00:00.000Z" },
        { type: "SUBSCRIPTION_CHANGE_RESET", timestamp: "2026-11-15T00:00:00.000Z" },
      ],
      series: [
        {
          tags: [],
          points: [
            { timestamp: "2026-10-20T10:00:00.000Z", value: 9_000, isResetPoint: false }, // before the window
            { timestamp: "2026-11-02T10:00:00.000Z", value: 100, isResetPoint: false },
            { timestamp: "2026-11-02T20:00:00.000Z", value: 300, isResetPoint: false },
            { timestamp: "2026-11-03T09:00:00.000Z", value: 450, isResetPoint: false },
            { timestamp: "2026-11-15T00:00:00.000Z", value: 20, isResetPoint: true },
            { timestamp: "2026-11-15T12:00:00.000Z", value: 70, isResetPoint: false },
          ],
        },
      ],
    },
    [`${FULL.stigg}/feature-seats`]: {
      markers: [],
      series: [
        {
          tags: [],
          points: [
            { timestamp: "2026-11-20T08:00:00.000Z", value: 3, isResetPoint: false },
            { timestamp: "2026-11-20T12:00:00.000Z", value: 5, isResetPoint: false },
            { timestamp: "2026-11-20T18:00:00.000Z", value: 4, isResetPoint: false },
            { timestamp: "2026-11-21T09:00:00.000Z", value: 12, isResetPoint: false },
          ],
        },
      ],
    },
  },
};
