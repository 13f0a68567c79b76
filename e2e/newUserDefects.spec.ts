import { expect, test } from "./support/harness";
import { LINKED_ACCOUNT, UNKNOWN_CUSTOMER } from "./support/demo";

// Defects a new user hit in the harness and the install pages, each pinned by a test.

const FULL = "cus_DemoFull";

test("a metered icon's tooltip stays inside the drawer", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  const row = drawer.locator(".sdk-box").filter({ has: harness.page.getByText("API calls", { exact: true }) }).last();
  await row.locator(".sdk-tooltip").first().hover();
  const tooltip = harness.page.getByRole("tooltip");
  await expect(tooltip).toContainText("Customer usage is determined by aggregation of reported events.");
  const [tip, box] = [await tooltip.boundingBox(), await drawer.boundingBox()];
  expect(tip!.x).toBeGreaterThanOrEqual(box!.x);
  expect(tip!.x + tip!.width).toBeLessThanOrEqual(box!.x + box!.width);
});

test("the drawer names the app once and titles the view", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await expect(drawer.getByRole("heading", { name: "Entitlements", level: 1 })).toBeVisible();
  await expect(drawer.getByText("Stigg", { exact: true })).toHaveCount(1);
});

test("Open customer on the customer already shown opens the drawer afresh", async ({ harness, page }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await expect(drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
  const before = harness.apiRequests.length;
  const frame = page.locator("iframe").first();
  const firstFrame = await frame.elementHandle();

  await page.getByRole("button", { name: "Open customer" }).click();
  await expect(drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
  await expect.poll(() => harness.apiRequests.length).toBeGreaterThan(before);
  // A new frame, not the old one reused.
  expect(await firstFrame!.evaluate((el) => el.isConnected)).toBe(false);
  await expect(page).toHaveURL(new RegExp(`customer=${FULL}`));
});

test("the connect page hides the Stigg key while Demo workspace is chosen", async ({ page }) => {
  await page.goto(`/connect?account=acct_E2eKeyBox`);
  const key = page.getByLabel("Stigg server API key");
  await expect(page.getByLabel("Demo workspace")).toBeChecked();
  await expect(key).toBeHidden();
  await page.getByLabel("A Stigg environment, by its server API key").check();
  await expect(key).toBeVisible();
  await key.fill("server-abc");
  await page.getByLabel("Demo workspace").check();
  await expect(key).toBeHidden();
});

test("the root page links each demo customer to the preview Dashboard", async ({ page }) => {
  await page.goto("/");
  for (const customer of [FULL, "cus_DemoEmailOnly", "cus_DemoUnnamed", "cus_DemoNoEntitlements", "cus_DemoNoUsage", UNKNOWN_CUSTOMER]) {
    await expect(page.getByRole("link", { name: customer }).first()).toHaveAttribute("href", new RegExp(`^/preview\\?.*customer=${customer}`));
  }
  await page.getByRole("link", { name: FULL }).first().click();
  await expect(page.getByTestId("app-drawer").getByText("Acme Corp", { exact: true })).toBeVisible();
});
