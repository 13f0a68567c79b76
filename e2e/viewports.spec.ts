import type { Page } from "@playwright/test";
import { demoCustomer, entitledFeatureNames, LINKED_ACCOUNT, planName, UNLINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

// The app's other two pages: a Stripe subscription's, and the app's settings.

const acme = demoCustomer("cus_DemoFull");
const seats = acme.subscriptions.find((s) => s.id === "sub_DemoFullSeats")!;

/** The install flow through the sandbox's Stripe stand-in, from a connect URL. */
async function connect(page: Page, connectUrl: string, account: string) {
  await page.goto(connectUrl);
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  await expect(page.getByLabel("Stripe account")).toHaveValue(account);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("heading", { name: "Stripe account connected" })).toBeVisible();
}

test("a subscription page shows what the Stigg subscription billed through it grants", async ({ harness }) => {
  const drawer = await harness.openPage(LINKED_ACCOUNT, { subscription: seats.billingId! });
  await expect(drawer.getByText(seats.id, { exact: true })).toBeVisible();
  await expect(drawer.getByText(planName(seats.planId), { exact: true }).first()).toBeVisible();
  await expect(drawer.getByRole("link", { name: /Acme Corp/ })).toBeVisible();
  for (const name of entitledFeatureNames("cus_DemoFull", seats.id)) {
    await expect(drawer.getByText(name, { exact: true })).toBeVisible();
  }
  await harness.screenshot("subscription-page");
});

test("a subscription page for a Stripe subscription no Stigg subscription is billed through says so", async ({ harness }) => {
  // The sandbox's own id of a subscription is not its Stripe subscription id.
  const drawer = await harness.openPage(LINKED_ACCOUNT, { subscription: "sub_DemoFullPro" });
  await expect(drawer.getByText("This subscription is not managed by Stigg", { exact: true })).toBeVisible();
});

test("a subscription page of an unlinked account is the Gate", async ({ harness }) => {
  const drawer = await harness.openPage(UNLINKED_ACCOUNT, { subscription: seats.billingId! });
  await expect(drawer.getByText("Manage entitlements with Stigg", { exact: true })).toBeVisible();
  await expect(drawer.getByRole("link", { name: "Connect Stigg" })).toBeVisible();
});

test("settings of an unlinked account is the Gate", async ({ harness }) => {
  const drawer = await harness.openPage(UNLINKED_ACCOUNT, "settings");
  await expect(drawer.getByText("Manage entitlements with Stigg", { exact: true })).toBeVisible();
  await expect(drawer.getByRole("link", { name: "Connect Stigg" })).toBeVisible();
});

test("settings: the link, Disconnect with a confirmation, then connect again", async ({ harness, page }) => {
  // An account of its own, so the seeded ones (and the other specs) stay linked.
  const account = "acct_E2eSettings";
  let drawer = await harness.openPage(account, "settings");
  await connect(page, (await drawer.getByRole("link", { name: "Connect Stigg" }).getAttribute("href"))!, account);

  drawer = await harness.openPage(account, "settings");
  await expect(drawer.getByText("Test mode", { exact: true })).toBeVisible();
  await expect(drawer.getByText("Demo data", { exact: true })).toBeVisible();
  await expect(drawer.getByText("Linked since", { exact: true })).toBeVisible();
  await expect(drawer.getByText("None since the app's server last started", { exact: true })).toBeVisible();
  await harness.screenshot("settings");

  // A read of the linked source is the "last successful read".
  await harness.open(account, "cus_DemoFull");
  await expect(harness.drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
  drawer = await harness.openPage(account, "settings");
  await expect(drawer.getByText("Last successful read", { exact: true })).toBeVisible();
  await expect(drawer.getByText("None since the app's server last started", { exact: true })).toHaveCount(0);

  await drawer.getByRole("button", { name: "Disconnect" }).click();
  await expect(drawer.getByText(/Disconnect the test-mode link to Demo data\?/)).toBeVisible();
  await drawer.getByRole("button", { name: "Confirm disconnect" }).click();
  await expect(drawer.getByText("Manage entitlements with Stigg", { exact: true })).toBeVisible();

  // The customer page is the Gate too, and connecting again brings the link back.
  const customerPage = await harness.open(account, "cus_DemoFull");
  await expect(customerPage.getByText("Manage entitlements with Stigg", { exact: true })).toBeVisible();
  await connect(page, (await customerPage.getByRole("link", { name: "Connect Stigg" }).getAttribute("href"))!, account);
  drawer = await harness.openPage(account, "settings");
  await expect(drawer.getByText("Demo data", { exact: true })).toBeVisible();
  await harness.open(account, "cus_DemoFull");
  await expect(harness.drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
});
