import type { StandInAccountData, StandInKey } from "./wire";

// The demo's Stripe Billing account (sandbox mode only): what the host's /dev/stripe/v1
// answers, so `npm start` → /preview shows the kind without a Stripe account. Ids are fixed
// (README); dates follow the clock, so the current period always holds usage.

export const DEMO_BILLING_ACCOUNT = "acct_DemoStripeBilling";
export const DEMO_BILLING_CUSTOMER = "cus_DemoBilling";
/** A customer Stripe reports deleted: the drawer's "not found". */
export const DEMO_BILLING_DELETED_CUSTOMER = "cus_DemoBillingDeleted";
/** The customer's subscription, for the subscription page. */
export const DEMO_BILLING_SUBSCRIPTION = "sub_DemoBillingPro";
export const DEMO_BILLING_WORKSPACE_ID = "ws_stripe_billing_demo";
/** Public by design: only the sandbox-mode stand-in knows it. */
export const DEMO_BILLING_KEY = "rk_test_DemoStripeBillingSandboxOnly";
/** The graduated price's free first tier: what the demo's metered item includes. */
export const DEMO_INCLUDED_API_CALLS = 10_000;

const DAY = 86_400;

export const demoBillingKeys: StandInKey[] = [{ key: DEMO_BILLING_KEY, account: DEMO_BILLING_ACCOUNT }];

/** The demo account's data as of `now`: a period that began 12 days ago (at 07:00 UTC, so its first day is partial). */
export function demoBillingAccount(now: Date): StandInAccountData {
  const today = Math.floor(now.getTime() / 1000 / DAY) * DAY;
  const periodStart = today - 12 * DAY + 7 * 3600;
  const periodEnd = periodStart + 30 * DAY;
  const created = periodStart - 60 * DAY;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const events = [];
  // A working-week shape, ~650 calls a day, so the period runs past the included 10,000.
  for (let t = periodStart - 30 * DAY + 3600; t < nowSeconds; t += 6 * 3600) {
    const weekday = new Date(t * 1000).getUTCDay();
    events.push({ meter: "mtr_DemoApiCalls", customer: DEMO_BILLING_CUSTOMER, timestamp: t, value: weekday === 0 || weekday === 6 ? 60 : 190 });
  }
  return {
    account: { id: DEMO_BILLING_ACCOUNT, object: "account", business_profile: null },
    customers: [
      { id: DEMO_BILLING_CUSTOMER, object: "customer", name: "Billing Demo Ltd", email: "ops@billing-demo.test", livemode: false, created },
      { id: DEMO_BILLING_DELETED_CUSTOMER, object: "customer", deleted: true },
    ],
    products: [
      { id: "prod_DemoPro", object: "product", name: "Pro", active: true },
      { id: "prod_DemoApiCalls", object: "product", name: "API calls", active: true, unit_label: "calls" },
    ],
    prices: [
      {
        id: "price_DemoPro",
        object: "price",
        active: true,
        currency: "usd",
        product: "prod_DemoPro",
        recurring: { interval: "month", interval_count: 1, meter: null, trial_period_days: null, usage_type: "licensed" },
        tiers_mode: null,
        billing_scheme: "per_unit",
        metadata: {},
        nickname: "Pro monthly",
        unit_amount: 4900,
      },
      {
        id: "price_DemoApiCalls",
        object: "price",
        active: true,
        currency: "usd",
        product: "prod_DemoApiCalls",
        recurring: { interval: "month", interval_count: 1, meter: "mtr_DemoApiCalls", trial_period_days: null, usage_type: "metered" },
        tiers_mode: "graduated",
        billing_scheme: "tiered",
        metadata: {},
        nickname: "API calls, 10,000 included",
        tiers: [
          { up_to: DEMO_INCLUDED_API_CALLS, unit_amount: 0, flat_amount: 0, unit_amount_decimal: null, flat_amount_decimal: null },
          { up_to: null, unit_amount: 1, flat_amount: null, unit_amount_decimal: null, flat_amount_decimal: null },
        ],
      },
    ],
    subscriptions: [
      {
        id: DEMO_BILLING_SUBSCRIPTION,
        customer: DEMO_BILLING_CUSTOMER,
        status: "active",
        created,
        start_date: created,
        trial_end: null,
        canceled_at: null,
        ended_at: null,
        items: [
          { id: "si_DemoPro", price: "price_DemoPro", quantity: 1, current_period_start: periodStart, current_period_end: periodEnd },
          { id: "si_DemoApiCalls", price: "price_DemoApiCalls", current_period_start: periodStart, current_period_end: periodEnd },
        ],
      },
    ],
    productFeatures: {
      prod_DemoPro: [
        { id: "feat_DemoSso", object: "entitlements.feature", lookup_key: "sso", name: "Single sign-on", active: true, livemode: false, metadata: {} },
        { id: "feat_DemoAuditLog", object: "entitlements.feature", lookup_key: "audit-log", name: "Audit log", active: true, livemode: false, metadata: {} },
      ],
    },
    activeEntitlements: {
      [DEMO_BILLING_CUSTOMER]: [
        { id: "feat_DemoSso", object: "entitlements.feature", lookup_key: "sso", name: "Single sign-on", active: true, livemode: false, metadata: {} },
        { id: "feat_DemoAuditLog", object: "entitlements.feature", lookup_key: "audit-log", name: "Audit log", active: true, livemode: false, metadata: {} },
      ],
    },
    meters: [
      {
        id: "mtr_DemoApiCalls",
        object: "billing.meter",
        display_name: "API calls",
        event_name: "api_call",
        default_aggregation: { formula: "sum" },
        livemode: false,
      },
    ],
    meterEvents: events,
    creditGrants: [
      {
        id: "credgr_DemoPaid",
        object: "billing.credit_grant",
        amount: { type: "monetary", monetary: { currency: "usd", value: 2000 } },
        category: "paid",
        customer: DEMO_BILLING_CUSTOMER,
        effective_at: created,
        expires_at: null,
        voided_at: null,
        name: "Prepaid usage",
        livemode: false,
      },
      {
        id: "credgr_DemoPromo",
        object: "billing.credit_grant",
        amount: { type: "monetary", monetary: { currency: "usd", value: 3000 } },
        category: "promotional",
        customer: DEMO_BILLING_CUSTOMER,
        effective_at: created,
        expires_at: periodEnd + 60 * DAY,
        voided_at: null,
        name: "Launch credit",
        livemode: false,
      },
    ],
    creditBalances: {
      [DEMO_BILLING_CUSTOMER]: [
        {
          available_balance: { type: "monetary", monetary: { currency: "usd", value: 3240 } },
          ledger_balance: { type: "monetary", monetary: { currency: "usd", value: 3240 } },
        },
      ],
    },
  };
}
