import {
  type BooleanEntitlement,
  type CreditsEntitlement,
  type Customer,
  type CustomerResult,
  type EntitlementList,
  type MeteredEntitlement,
  type NumericEntitlement,
  type Subscription,
  type UsageSeries,
  type WorkspaceKind,
  customer as customerSchema,
  entitlement as entitlementSchema,
  subscription as subscriptionSchema,
} from "@host/contract";

// Test data shaped like the sandbox's demo data (prisma/seed/demoData.ts), typed by the
// contract and parsed with its schemas, so a fixture cannot drift from the wire format.

export const CUSTOMER_ID = "cus_DemoFull";
export const FETCHED_AT = "2026-11-24T14:05:00.000Z";

export const acme: Customer = customerSchema.parse({
  stripeCustomerId: CUSTOMER_ID,
  stiggCustomerId: "customer-acme",
  name: "Acme Corp",
  email: "billing@acme.example",
  stiggUrl: "https://app.stigg.io/customers/customer-acme",
} satisfies Customer);

const WORKSPACE_NAME: Record<WorkspaceKind, string> = { sandbox: "Demo data", stigg: "Acme production", stripe_billing: "Acme's Stripe Billing" };

export const linked = (customer: Customer = acme, workspaceKind: WorkspaceKind = "sandbox"): CustomerResult => ({
  linked: true,
  workspaceName: WORKSPACE_NAME[workspaceKind],
  workspaceKind,
  customer,
});

/** Acme as a Stripe Billing workspace has it: its Stripe id, and its Dashboard page (never a link). */
export const acmeInStripe: Customer = customerSchema.parse({
  ...acme,
  stiggCustomerId: CUSTOMER_ID,
  stiggUrl: `https://dashboard.stripe.com/test/customers/${CUSTOMER_ID}`,
} satisfies Customer);

export const PRO = { subscriptionId: "sub_DemoFullPro", planName: "Pro" };
export const SEATS = { subscriptionId: "sub_DemoFullSeats", planName: "Extra Seats" };

const subscriptionFixture = (s: Subscription): Subscription => subscriptionSchema.parse(s);

export const proSubscription = subscriptionFixture({
  id: PRO.subscriptionId,
  planId: "plan-pro",
  planName: "Pro",
  status: "ACTIVE",
  rawStatus: "ACTIVE",
  trialEndsAt: null,
  startDate: "2026-09-10T12:00:00.000Z",
  createdAt: "2026-09-08T09:30:00.000Z",
  updatedAt: "2026-09-11T16:45:00.000Z",
});

export const seatsSubscription = subscriptionFixture({
  id: SEATS.subscriptionId,
  planId: "addon-seats",
  planName: "Extra Seats",
  status: "IN_TRIAL",
  rawStatus: "IN_TRIAL",
  trialEndsAt: "2026-12-03T12:00:00.000Z",
  startDate: "2026-11-19T12:00:00.000Z",
  createdAt: "2026-11-17T12:00:00.000Z",
  updatedAt: "2026-11-20T12:00:00.000Z",
});

const otherSubscription = (id: string, planName: string, status: Subscription["status"], rawStatus: string = status): Subscription =>
  subscriptionFixture({ ...proSubscription, id, planId: `plan-${planName.toLowerCase()}`, planName, status, rawStatus });

export const allSubscriptions: Subscription[] = [
  proSubscription,
  seatsSubscription,
  otherSubscription("sub_DemoFullNext", "Enterprise", "NOT_STARTED"),
  otherSubscription("sub_DemoFullStarter", "Starter", "PAYMENT_PENDING"),
  otherSubscription("sub_DemoFullLegacy", "Basic", "CANCELED"),
  otherSubscription("sub_DemoFullPastTrial", "Legacy", "EXPIRED"),
  // A status Stigg added after the app was built.
  otherSubscription("sub_DemoFullPaused", "Paused plan", "UNKNOWN", "PAUSED"),
];

export function metered(overrides: Partial<MeteredEntitlement> = {}): MeteredEntitlement {
  return entitlementSchema.parse({
    id: "feature-active-users",
    name: "Active users",
    grantedBy: [PRO],
    kind: "metered",
    meterKind: "usage",
    currentUsage: 250,
    usageLimit: 1000,
    unlimited: false,
    softLimit: false,
    unit: { singular: "active user", plural: "active users" },
    resetPeriod: "month",
    currentPeriodStart: "2026-11-10T12:00:00.000Z",
    currentPeriodEnd: "2026-12-10T12:00:00.000Z",
    projection: null,
    ...overrides,
  } satisfies MeteredEntitlement) as MeteredEntitlement;
}

export function flag(overrides: Partial<BooleanEntitlement> = {}): BooleanEntitlement {
  return entitlementSchema.parse({
    id: "feature-analytics",
    name: "Advanced analytics",
    grantedBy: [PRO],
    kind: "boolean",
    enabled: true,
    ...overrides,
  } satisfies BooleanEntitlement) as BooleanEntitlement;
}

export function numeric(overrides: Partial<NumericEntitlement> = {}): NumericEntitlement {
  return entitlementSchema.parse({
    id: "feature-max-file-size",
    name: "Max file size",
    grantedBy: [PRO],
    kind: "numeric",
    value: 5,
    unlimited: false,
    unit: { singular: "MB", plural: "MB" },
    ...overrides,
  } satisfies NumericEntitlement) as NumericEntitlement;
}

export function credits(overrides: Partial<CreditsEntitlement> = {}): CreditsEntitlement {
  return entitlementSchema.parse({
    id: "credits-ai",
    name: "AI credits",
    grantedBy: [PRO],
    kind: "credits",
    currentBalance: 2250,
    totalGranted: 6000,
    totalConsumed: 3750,
    hasCustomerLevelGrant: false,
    unit: "credits",
    ...overrides,
  } satisfies CreditsEntitlement) as CreditsEntitlement;
}

/** One of each kind, as the demo customer has them (the host sorts by name). */
export const fullList = (): EntitlementList => ({
  fetchedAt: FETCHED_AT,
  failures: [],
  entitlements: [
    metered(),
    flag(),
    credits(),
    metered({
      id: "feature-api-calls",
      name: "API calls",
      meterKind: "events",
      currentUsage: 85000,
      usageLimit: 100000,
      unit: { singular: "API call", plural: "API calls" },
    }),
    flag({ id: "feature-custom-domain", name: "Custom domain", enabled: false }),
    numeric(),
    metered({
      id: "feature-seats",
      name: "Seats",
      grantedBy: [SEATS],
      currentUsage: 12,
      usageLimit: 10,
      unit: { singular: "seat", plural: "seats" },
      resetPeriod: null,
      currentPeriodStart: null,
      currentPeriodEnd: null,
    }),
    flag({ id: "feature-sso", name: "Single sign-on", grantedBy: [SEATS] }),
  ],
});

/** getEntitlements for the Seats subscription alone: what that subscription grants. */
export const seatsEntitlements = (): EntitlementList => ({
  fetchedAt: FETCHED_AT,
  failures: [],
  entitlements: [
    metered({
      id: "feature-seats",
      name: "Seats",
      grantedBy: [SEATS],
      currentUsage: 12,
      usageLimit: 10,
      unit: { singular: "seat", plural: "seats" },
      resetPeriod: null,
    }),
    flag({ id: "feature-sso", name: "Single sign-on", grantedBy: [SEATS] }),
  ],
});

export function series(
  points: { timestamp: string; value: number }[],
  featureId = "feature-active-users",
): UsageSeries {
  return {
    featureId,
    from: "2026-11-10T12:00:00.000Z",
    to: "2026-12-10T12:00:00.000Z",
    points,
    resetMarkers: [],
  };
}
