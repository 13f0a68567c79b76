import { expect, test } from "./support/harness";

// The install flow in a real browser: Gate → /connect → the sandbox's Stripe stand-in →
// /oauth/callback → result page → the drawer again. Each test links its own new account
// id, so the seeded accounts (and the other specs' expectations) stay as they are.

test("connecting the sandbox workspace turns the Gate into the Command Center", async ({ harness, page }) => {
  const account = "acct_E2eConnect";
  const drawer = await harness.open(account, "cus_DemoFull");
  const connect = drawer.getByRole("link", { name: "Connect Stigg" });
  await expect(connect).toBeVisible();
  await page.goto((await connect.getAttribute("href"))!);

  await expect(page.getByRole("heading", { name: "Connect Stigg to your Stripe account" })).toBeVisible();
  await expect(page.getByText(account)).toBeVisible();
  await expect(page.getByLabel("Demo workspace")).toBeChecked();
  await page.getByRole("button", { name: "Continue to Stripe" }).click();

  await expect(page).toHaveURL(/\/dev\/stripe\/oauth\/v2\/authorize\?/);
  // The stand-in installs on the account whose Gate started the flow, as Stripe would.
  await expect(page.getByLabel("Stripe account")).toHaveValue(account);
  await page.getByRole("button", { name: "Approve" }).click();

  await expect(page).toHaveURL(/\/oauth\/result$/);
  await expect(page.getByRole("heading", { name: "Stripe account connected" })).toBeVisible();
  await expect(page.getByText(`${account} (test mode) now shows entitlements from “Sandbox (demo data)”.`)).toBeVisible();
  await page.getByRole("link", { name: "Open the preview Dashboard" }).click();

  await expect(harness.drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
  await expect(harness.drawer.getByText("Manage entitlements with Stigg", { exact: true })).toHaveCount(0);
});

test("denying the install stores nothing and the account keeps its Gate", async ({ harness, page }) => {
  const account = "acct_E2eDenied";
  await page.goto(`/connect?account=${account}`);
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  await page.getByLabel("Stripe account").fill(account);
  await page.getByRole("button", { name: "Deny" }).click();

  await expect(page.getByRole("heading", { name: "Install cancelled" })).toBeVisible();
  await expect(page.getByTestId("correlation-id")).not.toBeEmpty();
  const drawer = await harness.open(account, "cus_DemoFull");
  await expect(drawer.getByText("Manage entitlements with Stigg", { exact: true })).toBeVisible();
});

test("a callback URL opened again after the install says it was already used", async ({ page }) => {
  await page.goto("/connect?account=acct_E2eReplay");
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  await page.getByLabel("Stripe account").fill("acct_E2eReplay");
  const callback = page.waitForRequest((req) => new URL(req.url()).pathname === "/oauth/callback");
  await page.getByRole("button", { name: "Approve" }).click();
  const callbackUrl = (await callback).url();
  await expect(page.getByRole("heading", { name: "Stripe account connected" })).toBeVisible();

  await page.goto(callbackUrl);
  await expect(page.getByRole("heading", { name: "This install link was already used" })).toBeVisible();
});

test("in live mode the Stripe stand-in answers 404", async ({ request }) => {
  const live = process.env.E2E_LIVE_URL!;
  const authorize = await request.get(`${live}/dev/stripe/oauth/v2/authorize?client_id=ca_DemoSandbox&redirect_uri=x`);
  expect(authorize.status()).toBe(404);
  const token = await request.post(`${live}/dev/stripe/v1/oauth/token`, {
    form: { grant_type: "authorization_code", code: "ac_x" },
    headers: { authorization: "Bearer sk_test_DemoSandbox" },
  });
  expect(token.status()).toBe(404);
});
