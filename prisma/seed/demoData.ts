// The sandbox workspace's demo data: fixed ids (SPEC.md) and values that cover every
// state of the drawer. Times are relative to the moment of seeding so that "the current
// billing period" always has data. Tests read their expectations from here.

export const SANDBOX_WORKSPACE_ID = "ws_sandbox";
export const LINKED_ACCOUNT = "acct_DemoLinked";
export const UNLINKED_ACCOUNT = "acct_DemoUnlinked";
export const UNKNOWN_CUSTOMER = "cus_DemoUnknown";

export const DAY = 24 * 3600 * 1000;

export const workspace = {
  id: SANDBOX_WORKSPACE_ID,
  displayName: "Demo data",
  stiggAppBaseUrl: "https://app.stigg.io",
};

export const plans = [
  { id: "plan-basic", name: "Basic" },
  { id: "plan-pro", name: "Pro" },
  { id: "plan-enterprise", name: "Enterprise" },
  { id: "addon-seats", name: "Extra Seats" },
  { id: "plan-starter", name: "Starter" },
] as const;

type FeatureSeed =
  | { id: string; name: string; kind: "boolean" }
  | { id: string; name: string; kind: "numeric"; unit?: [string, string] }
  | { id: string; name: string; kind: "metered"; meterKind: "events" | "usage"; unit: [string, string] };

export const features = [
  { id: "feature-active-users", name: "Active users", kind: "metered", meterKind: "usage", unit: ["active user", "active users"] },
  { id: "feature-api-calls", name: "API calls", kind: "metered", meterKind: "events", unit: ["API call", "API calls"] },
  { id: "feature-ai-generations", name: "AI generations", kind: "metered", meterKind: "events", unit: ["generation", "generations"] },
  { id: "feature-emails", name: "Emails sent", kind: "metered", meterKind: "events", unit: ["email", "emails"] },
  { id: "feature-seats", name: "Seats", kind: "metered", meterKind: "usage", unit: ["seat", "seats"] },
  { id: "feature-workspaces", name: "Workspaces", kind: "metered", meterKind: "usage", unit: ["workspace", "workspaces"] },
  { id: "feature-sso", name: "Single sign-on", kind: "boolean" },
  { id: "feature-analytics", name: "Advanced analytics", kind: "boolean" },
  { id: "feature-custom-domain", name: "Custom domain", kind: "boolean" },
  { id: "feature-max-file-size", name: "Max file size", kind: "numeric", unit: ["MB", "MB"] },
  { id: "feature-support-tier", name: "Support tier", kind: "numeric" },
  { id: "feature-data-retention", name: "Data retention", kind: "numeric", unit: ["day", "days"] },
] as const satisfies readonly FeatureSeed[];

export type FeatureId = (typeof features)[number]["id"];

export const creditTypes = [{ id: "credits-ai", name: "AI credits", unit: "credits" }] as const;

type Status = "ACTIVE" | "IN_TRIAL" | "NOT_STARTED" | "PAYMENT_PENDING" | "CANCELED" | "EXPIRED";

export interface GrantSeed {
  featureId: FeatureId;
  enabled?: boolean;
  numberValue?: number;
  stringValue?: string;
  usageLimit?: number;
  hasUnlimited?: boolean;
  hasSoftLimit?: boolean;
  resetPeriod?: "day" | "week" | "month" | "year";
  /** Usage in the current period (events) or the latest reading (usage); none = no data. */
  usage?: number;
}

export interface SubscriptionSeed {
  id: string;
  /**
   * The Stripe subscription id it is billed through. Deliberately unlike `id`, so a
   * lookup that confuses the two finds nothing.
   */
  billingId?: string;
  planId: (typeof plans)[number]["id"];
  status: Status;
  /** Days from the seeding moment (negative = past). */
  startDay: number;
  trialEndsDay?: number;
  canceledDay?: number;
  grants: GrantSeed[];
}

export interface CustomerSeed {
  id: string;
  billingId: string;
  name: string | null;
  email: string | null;
  subscriptions: SubscriptionSeed[];
  credits?: { id: string; creditTypeId: string; subscriptionId: string | null; amount: number; consumed: number }[];
}

/** Subscriptions in these statuses grant entitlements. */
export const ENTITLING_STATUSES: readonly Status[] = ["ACTIVE", "IN_TRIAL"];

export const customers: CustomerSeed[] = [
  {
    id: "customer-acme",
    billingId: "cus_DemoFull",
    name: "Acme Corp",
    email: "billing@acme.example",
    subscriptions: [
      {
        id: "sub_DemoFullPro",
        billingId: "sub_1DemoAcmeProStripe",
        planId: "plan-pro",
        status: "ACTIVE",
        startDay: -75,
        grants: [
          // 25 %: the reference's "250 / 1,000 active users per month"
          { featureId: "feature-active-users", usageLimit: 1000, resetPeriod: "month", usage: 250 },
          // 85 %: amber
          { featureId: "feature-api-calls", usageLimit: 100000, resetPeriod: "month", usage: 85000 },
          // 115 % on a soft limit: red, but still allowed
          { featureId: "feature-ai-generations", usageLimit: 1000, hasSoftLimit: true, resetPeriod: "month", usage: 1150 },
          { featureId: "feature-emails", hasUnlimited: true, resetPeriod: "month", usage: 4321 },
          // 100 % of a singular limit: red, "1 / 1 workspace"
          { featureId: "feature-workspaces", usageLimit: 1, usage: 1 },
          { featureId: "feature-analytics", enabled: true },
          { featureId: "feature-custom-domain", enabled: false },
          { featureId: "feature-max-file-size", numberValue: 5 },
          { featureId: "feature-support-tier", stringValue: "Priority" },
        ],
      },
      {
        id: "sub_DemoFullSeats",
        billingId: "sub_1DemoAcmeSeatsStripe",
        planId: "addon-seats",
        status: "IN_TRIAL",
        startDay: -5,
        trialEndsDay: 9,
        grants: [
          // 120 %: over a hard limit
          { featureId: "feature-seats", usageLimit: 10, usage: 12 },
          { featureId: "feature-sso", enabled: true },
          { featureId: "feature-data-retention", hasUnlimited: true },
        ],
      },
      {
        id: "sub_DemoFullNext",
        planId: "plan-enterprise",
        status: "NOT_STARTED",
        startDay: 20,
        grants: [{ featureId: "feature-api-calls", usageLimit: 1000000, resetPeriod: "month" }],
      },
      {
        id: "sub_DemoFullStarter",
        planId: "plan-starter",
        status: "PAYMENT_PENDING",
        startDay: -1,
        grants: [{ featureId: "feature-sso", enabled: true }],
      },
      {
        id: "sub_DemoFullLegacy",
        billingId: "sub_1DemoAcmeLegacyStripe",
        planId: "plan-basic",
        status: "CANCELED",
        startDay: -400,
        canceledDay: -80,
        grants: [{ featureId: "feature-active-users", usageLimit: 100, resetPeriod: "month" }],
      },
      {
        // A trial that ran its course: two weeks, long ago, and expired when it ended.
        id: "sub_DemoFullPastTrial",
        planId: "plan-enterprise",
        status: "EXPIRED",
        startDay: -500,
        trialEndsDay: -486,
        grants: [{ featureId: "feature-sso", enabled: true }],
      },
    ],
    credits: [
      { id: "grant-acme-plan", creditTypeId: "credits-ai", subscriptionId: "sub_DemoFullPro", amount: 5000, consumed: 3250 },
      { id: "grant-acme-promo", creditTypeId: "credits-ai", subscriptionId: null, amount: 1000, consumed: 500 },
    ],
  },
  {
    id: "customer-email-only",
    billingId: "cus_DemoEmailOnly",
    name: null,
    email: "ops@emailonly.example",
    subscriptions: [
      {
        id: "sub_DemoEmailOnlyBasic",
        planId: "plan-basic",
        status: "ACTIVE",
        startDay: -30,
        grants: [
          { featureId: "feature-analytics", enabled: true },
          { featureId: "feature-max-file-size", numberValue: 1 },
        ],
      },
    ],
  },
  {
    id: "customer-unnamed",
    billingId: "cus_DemoUnnamed",
    name: null,
    email: null,
    subscriptions: [
      {
        id: "sub_DemoUnnamedBasic",
        planId: "plan-basic",
        status: "ACTIVE",
        startDay: -12,
        grants: [{ featureId: "feature-analytics", enabled: true }],
      },
    ],
  },
  {
    id: "customer-no-entitlements",
    billingId: "cus_DemoNoEntitlements",
    name: "Dormant Ltd",
    email: "finance@dormant.example",
    subscriptions: [
      {
        id: "sub_DemoNoEntitlementsOld",
        billingId: "sub_1DemoBareStripe",
        planId: "plan-basic",
        status: "CANCELED",
        startDay: -200,
        canceledDay: -20,
        grants: [{ featureId: "feature-analytics", enabled: true }],
      },
    ],
  },
  {
    id: "customer-no-usage",
    billingId: "cus_DemoNoUsage",
    name: "Quiet Co",
    email: "hello@quiet.example",
    subscriptions: [
      {
        id: "sub_DemoNoUsagePro",
        planId: "plan-pro",
        status: "ACTIVE",
        startDay: -10,
        grants: [{ featureId: "feature-api-calls", usageLimit: 10000, resetPeriod: "month" }],
      },
    ],
  },
];
