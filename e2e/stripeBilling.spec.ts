import { STRIPE_BILLING_GATE_ACTION, STRIPE_BILLING_NOT_FOUND, STRIPE_BILLING_USAGE_LAG } from "../src/contract";
import {
  DEMO_BILLING_ACCOUNT,
  DEMO_BILLING_CUSTOMER,
  DEMO_BILLING_DELETED_CUSTOMER,
  DEMO_INCLUDED_API_CALLS,
  demoBillingAccount,
} from "../src/server/dev/stripeBilling/demoAccount";
import { UNLINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

// The demo's Stripe Billing workspace, end to end: the drawer reads the host's sandbox-only
// stand-in of Stripe's API (/dev/stripe/v1) with the demo's sealed restricted key, through
// the real source and the `stripe` package. Expectations come from the stand-in's demo data.

const demo = demoBillingAccount(new Date());
const included = DEMO_INCLUDED_API_CALLS.toLocaleString("en-US");


test("a Stripe Billing customer: its features, its metered item against the free tier, its credits, and no Stigg link", async ({ harness }) => {
  const drawer = await harness.open(DEMO_BILLING_ACCOUNT, DEMO_BILLING_CUSTOMER);
  const customer = demo.customers.find((c) => c.id === DEMO_BILLING_CUSTOMER);
  if (!customer || "deleted" in customer) throw new Error(`the demo has no customer ${DEMO_BILLING_CUSTOMER}`);
  await expect(drawer.getByText(customer.name!, { exact: true })).toBeVisible();

  // Boolean features: the customer's active entitlements, from the product that grants them.
  for (const f of demo.activeEntitlements[DEMO_BILLING_CUSTOMER]!) {
    const feature = harness.entitlementRow(f.name);
    await expect(feature.getByText("Enabled", { exact: true })).toBeVisible();
    await expect(feature.getByText("From Pro")).toBeVisible();
  }

  // The metered item: usage against what the graduated price's free first tier includes, a soft limit.
  const meter = demo.meters[0]!;
  const metered = harness.entitlementRow(meter.display_name);
  await expect(metered.getByText(new RegExp(`^[\\d,]+ / ${included} calls per month$`))).toBeVisible();
  await expect(metered.getByText("Soft limit", { exact: true })).toBeVisible();
  await metered.locator('svg[data-icon="usage"]').hover();
  await expect(harness.page.getByRole("tooltip")).toContainText(STRIPE_BILLING_USAGE_LAG);
  await harness.page.mouse.move(0, 0);

  // Credits: available against what the grants in effect granted, as money.
  const granted = demo.creditGrants.reduce((sum, g) => sum + g.amount.monetary!.value, 0) / 100;
  const available = demo.creditBalances[DEMO_BILLING_CUSTOMER]![0]!.available_balance.monetary!.value / 100;
  const credits = harness.entitlementRow("Billing credits (USD)");
  await expect(credits.getByText(`$${available.toFixed(2)} / $${granted.toFixed(2)} remaining`, { exact: true })).toBeVisible();
  await expect(credits.getByText(/From paid grant/)).toBeVisible();

  await expect(drawer.getByRole("link", { name: /View in Stigg/ })).toHaveCount(0);
  await harness.screenshot("stripe-billing");
});

test("the metered item's graph draws the period's daily meter summaries under the included tier", async ({ harness }) => {
  await harness.open(DEMO_BILLING_ACCOUNT, DEMO_BILLING_CUSTOMER);
  const metered = harness.entitlementRow(demo.meters[0]!.display_name);
  await metered.getByRole("button", { name: /usage graph/i }).click();
  const chart = metered.locator('figure[data-chart="line"]');
  await expect(chart.locator('g[data-series="Usage"] polyline')).toBeVisible();
  await expect(chart.locator(`g[data-series="Limit (${included})"] polyline`)).toHaveCount(1);
  expect(harness.apiRequests.some((r) => r.url().includes("getUsageSeries"))).toBe(true);
  await harness.screenshot("stripe-billing-graph");
});

test("a customer Stripe reports deleted is not found in Stripe Billing, with no Stigg link", async ({ harness }) => {
  const drawer = await harness.open(DEMO_BILLING_ACCOUNT, DEMO_BILLING_DELETED_CUSTOMER);
  await expect(drawer.getByText(STRIPE_BILLING_NOT_FOUND, { exact: true })).toBeVisible();
  await expect(drawer.getByRole("link", { name: /View in Stigg/ })).toHaveCount(0);
});

test("the Gate keeps Connect Stigg first and offers this account's Stripe Billing data beside it", async ({ harness }) => {
  const drawer = await harness.open(UNLINKED_ACCOUNT, DEMO_BILLING_CUSTOMER);
  await expect(drawer.getByRole("link", { name: "Connect Stigg" })).toBeVisible();
  await expect(drawer.getByRole("link", { name: STRIPE_BILLING_GATE_ACTION })).toHaveAttribute("href", /\/connect\?.*kind=stripe_billing/);
});
