import { demoBillingAccount, DEMO_BILLING_ACCOUNT, DEMO_BILLING_CUSTOMER, DEMO_BILLING_KEY } from "@/server/dev/stripeBilling/demoAccount";
import type { StandInAccountData, StandInKey } from "@/server/dev/stripeBilling/wire";

export { DEMO_BILLING_ACCOUNT, DEMO_BILLING_CUSTOMER, DEMO_BILLING_KEY };

/** A second account, with what the demo lacks: a deleted product, a product without features, a meter never used, an override. */
export const OTHER_ACCOUNT = "acct_OtherBilling";
export const OTHER_KEY = "rk_test_OtherBillingKey";
export const OTHER_CUSTOMER = "cus_OtherBilling";
export const LIVE_KEY = "rk_live_DemoStripeBillingLive";
/** The demo account's key without the Billing meters and Credit grants permissions. */
export const NARROW_KEY = "rk_test_DemoNarrow";
/** The demo account's key without Account: Read. */
export const NO_ACCOUNT_KEY = "rk_test_DemoNoAccount";

export const NOW = new Date("2026-06-15T10:00:00Z");

export function otherAccount(now: Date): StandInAccountData {
  const demo = demoBillingAccount(now);
  const item = demo.subscriptions[0]!.items[1]!;
  return {
    ...demo,
    account: { id: OTHER_ACCOUNT, object: "account" },
    customers: [{ id: OTHER_CUSTOMER, object: "customer", name: "Other Co", email: null, livemode: false }],
    products: [
      { id: "prod_Gone", object: "product", deleted: true },
      { id: "prod_Bare", object: "product", name: "Bare", active: true },
    ],
    prices: [
      { ...(demo.prices[0] as Extract<StandInAccountData["prices"][number], { currency: string }>), id: "price_Gone", product: "prod_Gone", nickname: "Legacy plan" },
      {
        ...(demo.prices[1] as Extract<StandInAccountData["prices"][number], { currency: string }>),
        id: "price_Override",
        product: "prod_Bare",
        metadata: { included_usage: "500" },
        recurring: { interval: "month", interval_count: 1, meter: "mtr_Idle", trial_period_days: null, usage_type: "metered" },
      },
    ],
    subscriptions: [
      {
        ...demo.subscriptions[0]!,
        id: "sub_Other",
        customer: OTHER_CUSTOMER,
        items: [
          { ...demo.subscriptions[0]!.items[0]!, id: "si_Gone", price: "price_Gone" },
          { ...item, id: "si_Override", price: "price_Override" },
        ],
      },
    ],
    productFeatures: {},
    activeEntitlements: {},
    meters: [{ ...demo.meters[0]!, id: "mtr_Idle", display_name: "Idle meter", default_aggregation: { formula: "last" } }],
    meterEvents: [],
    creditGrants: [],
    creditBalances: {},
  };
}

export const keys: StandInKey[] = [
  { key: DEMO_BILLING_KEY, account: DEMO_BILLING_ACCOUNT },
  { key: LIVE_KEY, account: DEMO_BILLING_ACCOUNT },
  { key: NARROW_KEY, account: DEMO_BILLING_ACCOUNT, cannotRead: ["billing_meters", "credit_grants"] },
  { key: NO_ACCOUNT_KEY, account: DEMO_BILLING_ACCOUNT, cannotRead: ["account"] },
  { key: OTHER_KEY, account: OTHER_ACCOUNT },
];

export const accounts = (now: Date) => [demoBillingAccount(now), otherAccount(now)];
