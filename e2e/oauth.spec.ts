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
  await expect(page.getByText(`${account} (test mode) now shows entitlements from “Demo data”.`)).toBeVisible();
  await page.getByRole("link", { name: "Open the preview Dashboard" }).click();

  await expect(harness.drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
  await expect(harness.drawer.getByText("Manage entitlements with Stigg", { exact: true })).toHaveCount(0);
});

test("the Gate's Stripe Billing action leads to /connect with the kind chosen, and the demo key links its own account", async ({ harness, page }) => {
  const drawer = await harness.open("acct_E2eStripeBillingGate", "cus_DemoFull");
  const action = drawer.getByRole("link", { name: "Use this account's Stripe Billing data" });
  await expect(action).toBeVisible();
  const href = new URL((await action.getAttribute("href"))!);
  expect(href.searchParams.get("kind")).toBe("stripe_billing");
  await page.goto(href.toString());
  await expect(page.getByLabel("Stripe Billing (this account's own data)")).toBeChecked();
  await expect(page.getByText("Create a restricted key with Read access to", { exact: false })).toBeVisible();

  // The demo key belongs to the demo's Stripe Billing account (and its stand-in answers for
  // no other): the same link, as that account's Gate makes it. The install replaces the
  // demo's seeded link with one to a workspace reading the same stand-in with the same key.
  href.searchParams.set("account", "acct_DemoStripeBilling");
  await page.goto(href.toString());
  await page.getByLabel("Stripe restricted key").fill("rk_test_DemoStripeBillingSandboxOnly");
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  await expect(page).toHaveURL(/\/dev\/stripe\/oauth\/v2\/authorize\?/);
  await expect(page.getByLabel("Stripe account")).toHaveValue("acct_DemoStripeBilling");
  await page.getByRole("button", { name: "Approve" }).click();

  await expect(page).toHaveURL(/\/oauth\/result$/);
  await expect(page.getByRole("heading", { name: "Stripe account re-connected" })).toBeVisible();
  await expect(
    page.getByText("acct_DemoStripeBilling (test mode) now shows entitlements from “Stripe Billing of acct_DemoStripeBilling (test mode)”."),
  ).toBeVisible();
  const linked = await harness.open("acct_DemoStripeBilling", "cus_DemoBilling");
  await expect(linked.getByText("Billing Demo Ltd", { exact: true }).first()).toBeVisible();
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

test("a callback URL opened again after the install says the account is connected", async ({ page }) => {
  await page.goto("/connect?account=acct_E2eReplay");
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  await page.getByLabel("Stripe account").fill("acct_E2eReplay");
  const callback = page.waitForRequest((req) => new URL(req.url()).pathname === "/oauth/callback");
  await page.getByRole("button", { name: "Approve" }).click();
  const callbackUrl = (await callback).url();
  await expect(page.getByRole("heading", { name: "Stripe account connected" })).toBeVisible();

  await page.goto(callbackUrl);
  await expect(page.getByRole("heading", { name: "This install is already complete" })).toBeVisible();
  await expect(page.getByText("acct_E2eReplay (test mode) is connected to “Demo data”", { exact: false })).toBeVisible();
  await expect(page.getByText("Nothing was connected", { exact: false })).toHaveCount(0);
});

test("a Dashboard reloaded between Connect and Approve opens the customer once the user comes back", async ({ harness, page }) => {
  const account = "acct_E2eReloaded";
  const drawer = await harness.open(account, "cus_DemoFull");
  const popup = page.waitForEvent("popup");
  await drawer.getByRole("link", { name: "Connect Stigg" }).click();
  const install = await popup;
  // The Dashboard reloads: the new drawer never saw Connect pressed.
  await page.reload();
  await expect(drawer.getByText("Manage entitlements with Stigg", { exact: true })).toBeVisible();
  await expect(drawer.getByText("Finish connecting", { exact: false })).toHaveCount(0);

  await install.getByRole("button", { name: "Continue to Stripe" }).click();
  await install.getByRole("button", { name: "Approve" }).click();
  await expect(install.getByRole("heading", { name: "Stripe account connected" })).toBeVisible();
  await install.close();

  // Back on the Dashboard's tab: the frame hears its document become visible again (the
  // event as the browser fires it: at the document, bubbling).
  await harness.sandboxFrame.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
  await expect(drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
});

test("the connect page keeps the workspace kind and key it cannot accept yet, and names what is missing", async ({ page }) => {
  await page.goto("/connect?account=acct_E2eKeyKept");
  await page.getByLabel("A Stigg environment, by its server API key").check();
  const key = page.getByLabel("Stigg server API key");
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  // The browser refuses the empty key on the page: nothing leaves, nothing is forgotten.
  await expect(page).toHaveURL(/\/connect\?account=acct_E2eKeyKept$/);
  expect(await key.evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
  await key.fill("server-short");
  await page.getByRole("button", { name: "Continue to Stripe" }).click();
  expect(await key.evaluate((el: HTMLInputElement) => el.validity.patternMismatch)).toBe(true);
  await expect(page.getByLabel("A Stigg environment, by its server API key")).toBeChecked();
  await expect(key).toHaveValue("server-short");
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
  // The Stripe Billing demo's API stand-in, with the key that opens it in sandbox mode.
  const billing = { headers: { authorization: "Bearer rk_test_DemoStripeBillingSandboxOnly" } };
  expect((await request.get("/dev/stripe/v1/customers/cus_DemoBilling", billing)).status()).toBe(200);
  expect((await request.get(`${live}/dev/stripe/v1/customers/cus_DemoBilling`, billing)).status()).toBe(404);
});

test("the Stripe Billing stand-in refuses as Stripe does: no key is a 401 in Stripe's error shape", async ({ request }) => {
  const res = await request.get("/dev/stripe/v1/customers/cus_DemoBilling");
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: { type: "invalid_request_error" } });
});
