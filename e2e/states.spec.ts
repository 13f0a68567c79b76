import { LINKED_ACCOUNT, UNKNOWN_CUSTOMER, UNLINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

test("an account without a link sees the Gate", async ({ harness }) => {
  const drawer = await harness.open(UNLINKED_ACCOUNT, "cus_DemoFull");
  await expect(drawer.getByText("Manage entitlements with Stigg", { exact: true })).toBeVisible();
  await expect(
    drawer.getByText("See and control feature entitlements for every customer directly from their Stripe profile.", { exact: true }),
  ).toBeVisible();
  for (const point of ["Entitlements at a glance", "Manage customer credits", "Always in sync with Stripe"]) {
    await expect(drawer.getByText(point, { exact: true })).toBeVisible();
  }
  await expect(drawer.getByText("See exactly which features and limits each customer is entitled to, per plan.")).toBeVisible();
  await expect(drawer.getByText("Plan changes in Stigg reflect instantly in Stripe. No manual reconciliation.")).toBeVisible();
  const connect = drawer.getByRole("link", { name: "Connect Stigg" });
  await expect(connect).toBeVisible();
  // The OAuth flow starts on this host's connect page.
  expect(new URL((await connect.getAttribute("href"))!).pathname).toBe("/connect");
  await harness.screenshot("gate");
});

test("a customer in no workspace is not found", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, UNKNOWN_CUSTOMER);
  await expect(drawer.getByText("Customer not found - Stripe customer not found in Stigg", { exact: true })).toBeVisible();
  await expect(drawer.getByRole("link", { name: /View in Stigg/ })).toHaveAttribute("href", /^https:\/\/app\.stigg\.io/);
  await harness.screenshot("customer-not-found");
});

test("a customer without entitling subscriptions has no active entitlements", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, "cus_DemoNoEntitlements");
  await expect(drawer.getByText("Dormant Ltd", { exact: true })).toBeVisible();
  await expect(drawer.getByText("No active entitlements", { exact: true })).toBeVisible();
  await harness.screenshot("no-entitlements");
});

test("a metered entitlement without usage data shows the graph's empty state", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, "cus_DemoNoUsage");
  await expect(drawer.getByText("API calls", { exact: true })).toBeVisible();
  await drawer.getByRole("button", { name: /usage graph/i }).click();
  await expect(drawer.getByText(/no usage data/i)).toBeVisible();
  await expect(drawer.locator("figure[data-chart] svg polyline, figure[data-chart] svg rect:not(:first-child)")).toHaveCount(0);
  await harness.screenshot("usage-graph-empty");
});

test("while the first answer is on its way the drawer says it is loading", async ({ harness }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await harness.page.route("**/api/trpc/**", async (route) => {
    await held;
    await route.continue();
  });
  const drawer = await harness.open(LINKED_ACCOUNT, "cus_DemoFull");
  await expect(drawer.getByText("Loading Data From Stigg", { exact: true })).toBeVisible();
  await expect(drawer.getByRole("progressbar")).toBeVisible();
  release();
  await expect(drawer.getByText(/^Last refresh on /)).toBeVisible();
  await expect(drawer.getByText("Loading Data From Stigg")).toHaveCount(0);
});

test("any typed account and customer id can be opened from the pickers", async ({ harness }) => {
  await harness.open(LINKED_ACCOUNT, "cus_DemoFull");
  const page = harness.page;
  await page.getByLabel("Customer", { exact: true }).fill("cus_TypedByHand");
  await page.getByRole("button", { name: "Open customer" }).click();
  await expect(page).toHaveURL(/customer=cus_TypedByHand/);
  await expect(harness.drawer.getByText("Customer not found - Stripe customer not found in Stigg")).toBeVisible();

  await page.getByLabel("Stripe account", { exact: true }).fill("acct_TypedByHand");
  await page.getByRole("button", { name: "Open customer" }).click();
  await expect(page).toHaveURL(/account=acct_TypedByHand/);
  await expect(harness.drawer.getByText("Manage entitlements with Stigg")).toBeVisible();

  // Back to a demo customer, and the browser's Back button restores the previous drawer.
  await page.goBack();
  await expect(harness.drawer.getByText("Customer not found - Stripe customer not found in Stigg")).toBeVisible();
});
