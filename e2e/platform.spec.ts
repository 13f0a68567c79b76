import type { Page } from "@playwright/test";
import { LINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

// Stripe's platform around the drawer: what the Dashboard opens after an install (the
// manifest's post_install_action), the drawer off customer pages, installs into a Stripe
// sandbox, and installs started from Stripe's Marketplace. Each test links its own account.

const OPEN_A_CUSTOMER = "Open a customer to see their entitlements";

/** The stand-in's install page, approved for `account` (and into `environment`). */
async function approve(page: Page, account: string, environment?: "test" | "sandbox") {
  await expect(page).toHaveURL(/\/dev\/stripe\/oauth\/v2\/authorize\?/);
  await page.getByLabel("Stripe account").fill(account);
  if (environment) await expect(page.getByLabel("Install into")).toHaveValue(environment);
  await page.getByRole("button", { name: "Approve" }).click();
}

test("after an install, the Dashboard opens the settings view, where an unlinked account sees Connect", async ({ harness, page }) => {
  await page.goto(`/preview?${new URLSearchParams({ account: "acct_E2ePostInstall", postInstall: "1" })}`);
  await expect(page.getByRole("heading", { name: "Stigg settings" })).toBeVisible();
  await expect(harness.drawer.getByText("Manage entitlements with Stigg", { exact: true })).toBeVisible();
  await expect(harness.drawer.getByRole("link", { name: "Connect Stigg" })).toBeVisible();
  await expect(harness.drawer.getByText(/failed|error/i)).toHaveCount(0);
});

test("the drawer off customer pages: where entitlements are, and the account's connection per mode", async ({ harness, page }) => {
  await page.goto(`/preview?${new URLSearchParams({ account: LINKED_ACCOUNT, view: "home" })}`);
  await expect(harness.drawer.getByText(OPEN_A_CUSTOMER, { exact: true })).toBeVisible();
  await expect(harness.drawer.getByText("Test mode", { exact: true })).toBeVisible();
  await expect(harness.drawer.getByText("Demo data", { exact: true })).toBeVisible();
  await expect(harness.drawer.getByText("Demo workspace", { exact: true })).toBeVisible();
  await expect(harness.drawer.getByRole("button", { name: "Disconnect" })).toHaveCount(0);

  // An account with no links: Connect, never an error.
  await page.goto(`/preview?${new URLSearchParams({ account: "acct_E2eHomeUnlinked", view: "home" })}`);
  await expect(harness.drawer.getByText(OPEN_A_CUSTOMER, { exact: true })).toBeVisible();
  await expect(harness.drawer.getByRole("link", { name: "Connect Stigg" })).toBeVisible();
});

test("a Stripe sandbox installs through the Stripe stand-in and gets its own link", async ({ harness, page }) => {
  const account = "acct_E2eStripeSandbox";
  const drawer = await harness.openAs(account, "cus_DemoFull", { sandbox: true });
  const connect = drawer.getByRole("link", { name: "Connect Stigg" });
  const href = (await connect.getAttribute("href"))!;
  expect(new URL(href).searchParams.get("mode")).toBe("sandbox");
  await page.goto(href);
  await expect(page.getByLabel("Stripe sandbox")).toBeChecked();
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  await approve(page, account, "sandbox");

  await expect(page.getByRole("heading", { name: "Stripe account connected" })).toBeVisible();
  await expect(page.getByText(`${account} (Stripe sandbox) now shows entitlements from “Demo data”.`)).toBeVisible();
  await harness.openAs(account, "cus_DemoFull", { sandbox: true });
  await expect(harness.drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
  await harness.openAs(account, "cus_DemoFull", { sandbox: true, view: "settings" });
  await expect(harness.drawer.getByText("Stripe sandbox", { exact: true })).toBeVisible();
  await expect(harness.drawer.getByText("Test mode", { exact: true })).toHaveCount(0);
});

test("an install started from Stripe's Marketplace says the app is installed and leads to picking a workspace", async ({ harness, page }) => {
  const account = "acct_E2eMarketplace";
  // The stand-in's install page without a state of ours, as a Marketplace install reaches it.
  await page.goto(`/connect?account=${account}`);
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  await expect(page).toHaveURL(/\/dev\/stripe\/oauth\/v2\/authorize\?/);
  const marketplace = new URL(page.url());
  marketplace.searchParams.delete("state");
  await page.goto(marketplace.toString());
  await approve(page, account);

  await expect(page.getByRole("heading", { name: "Stigg is installed" })).toBeVisible();
  await expect(page.getByText(`The app is installed on ${account} (test mode).`, { exact: false })).toBeVisible();
  // Nothing is linked yet: the drawer still offers Connect.
  await harness.open(account, "cus_DemoFull");
  await expect(harness.drawer.getByRole("link", { name: "Connect Stigg" })).toBeVisible();

  await page.goBack();
  await page.getByRole("link", { name: "Pick a workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/connect\\?account=${account}&mode=test$`));
  await expect(page.getByLabel("Test mode")).toBeChecked();
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  await approve(page, account);
  await expect(page.getByRole("heading", { name: "Stripe account connected" })).toBeVisible();
});

test("a Marketplace callback with a code Stripe refuses says so, and links nothing", async ({ harness, page }) => {
  await page.goto("/oauth/callback?code=ac_NotIssuedByStripe");
  await expect(page.getByRole("heading", { name: "Stripe did not confirm the install" })).toBeVisible();
  await expect(page.getByText("The authorization code was refused: it expired or was already used. Nothing was connected.")).toBeVisible();
  await harness.open("acct_DemoUnlinked", "cus_DemoFull");
  await expect(harness.drawer.getByRole("link", { name: "Connect Stigg" })).toBeVisible();
});
