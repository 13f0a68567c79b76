import { demoCustomer, entitledFeatureNames, LINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

const FULL = "cus_DemoFull";
const METERED_TOOLTIP =
  "Customer usage is determined by aggregation of reported events. Entitlement enforcement is near real-time.";


test("cus_DemoFull opens on the Command Center, first paint in one signed API round trip", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await expect(drawer.getByText(demoCustomer(FULL).name!, { exact: true })).toBeVisible();
  await expect(drawer.getByRole("tab", { name: "Entitlements" })).toHaveAttribute("aria-selected", "true");
  await expect(drawer.getByRole("tab", { name: "Subscriptions" })).toBeVisible();
  await expect(drawer.getByText(/^Last refresh on /)).toBeVisible();
  for (const name of entitledFeatureNames(FULL)) {
    await expect(drawer.getByText(name, { exact: true })).toBeVisible();
  }
  await expect(drawer.getByRole("link", { name: /View in Stigg/ })).toHaveAttribute("href", /^https:\/\/app\.stigg\.io\//);

  await harness.sandboxFrame.waitForLoadState("networkidle");
  expect(harness.apiRequests).toHaveLength(1);
  const [first] = harness.apiRequests;
  const response = await first!.response();
  expect(response?.status()).toBe(200);
  expect(await response?.headerValue("x-correlation-id")).toBeTruthy();
  // Signed by the harness like Stripe signs, and checked by the host's real verifier.
  const headers = await first!.allHeaders();
  expect(headers["stripe-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(headers["stripe-account-id"]).toBe(LINKED_ACCOUNT);
  expect(headers["stripe-user-id"]).toMatch(/^usr_/);
  await harness.screenshot("command-center");
});

test("the extension runs in a sandboxed, null-origin frame", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await expect(drawer.getByText(/^Last refresh on /)).toBeVisible();
  const frame = harness.page.locator(`iframe[src="/preview/sandbox"]`);
  await expect(frame).toHaveAttribute("sandbox", "allow-scripts");
  expect(await harness.sandboxFrame.evaluate(() => self.origin)).toBe("null");
});

test("a metered row shows usage against its limit, and the metered icon explains enforcement", async ({ harness }) => {
  await harness.open(LINKED_ACCOUNT, FULL);
  const activeUsers = harness.entitlementRow("Active users");
  await expect(activeUsers.getByText("250 / 1,000 active users per month", { exact: true })).toBeVisible();
  await expect(activeUsers.getByText("From Pro")).toBeVisible();
  await activeUsers.locator('svg[data-icon="usage"]').hover();
  await expect(harness.page.getByRole("tooltip")).toHaveText(METERED_TOOLTIP);
  // Both meter kinds carry the same explanation: "API calls" counts events.
  await harness.page.mouse.move(0, 0);
  await harness.entitlementRow("API calls").locator('svg[data-icon="usage"]').hover();
  await expect(harness.page.getByRole("tooltip")).toHaveText(METERED_TOOLTIP);
});

test("usage meters carry an amber badge from 80 %, a red one at 100 % and an urgent one past the limit", async ({ harness }) => {
  await harness.open(LINKED_ACCOUNT, FULL);
  const level = (name: string) => harness.entitlementRow(name).locator(".sdk-badge").first().getAttribute("data-badge-type");
  await expect(harness.entitlementRow("Active users").locator('[data-chart="meter"]')).toBeVisible();
  expect(await level("Active users")).toBe("neutral"); // 25 %
  expect(await level("API calls")).toBe("warning"); // 85 %
  expect(await level("Workspaces")).toBe("negative"); // 100 %
  expect(await level("AI generations")).toBe("urgent"); // 115 %, soft limit
  expect(await level("Seats")).toBe("urgent"); // 120 %
  await expect(harness.entitlementRow("Seats").locator(".sdk-badge").first()).toHaveText("120% · over the limit");
  await expect(harness.entitlementRow("Seats").locator(".sdk-meter__legend")).toContainText("Over the limit");
  await expect(harness.entitlementRow("API calls").locator(".sdk-badge").first()).toHaveText("85%");
});

test("unlimited, boolean, numeric and credit rows show their values", async ({ harness }) => {
  await harness.open(LINKED_ACCOUNT, FULL);
  await expect(harness.entitlementRow("Emails sent").getByText(/Unlimited/)).toBeVisible();
  await expect(harness.entitlementRow("Advanced analytics").getByText(/^enabled$/i)).toBeVisible();
  await expect(harness.entitlementRow("Custom domain").getByText(/^disabled$/i)).toBeVisible();
  await expect(harness.entitlementRow("Max file size").getByText("5 MB", { exact: true })).toBeVisible();
  await expect(harness.entitlementRow("Support tier").getByText("Priority", { exact: true })).toBeVisible();
  // Credits: balance (6,000 granted − 3,750 consumed) against the total granted.
  const credits = harness.entitlementRow("AI credits");
  await expect(credits.getByText(/2,250.*6,000/)).toBeVisible();
});

test("a metered row's usage graph is a real chart of the billing period", async ({ harness }) => {
  await harness.open(LINKED_ACCOUNT, FULL);
  const activeUsers = harness.entitlementRow("Active users");
  await activeUsers.getByRole("button", { name: /usage graph/i }).click();
  const chart = activeUsers.locator('figure[data-chart="line"]');
  await expect(chart).toBeVisible();
  await expect(chart.locator('g[data-series="Usage"] polyline')).toBeVisible();
  // The limit spans the whole period as its own series, named with its value, drawn under the usage line.
  await expect(chart.locator('g[data-series="Limit (1,000)"] polyline')).toHaveCount(1);
  const order = await chart.locator("g[data-series]").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-series")));
  expect(order.indexOf("Usage")).toBeGreaterThan(order.indexOf("Limit (1,000)"));
  await expect(chart.locator(".sdk-chart__legend")).toContainText("Limit (1,000)");
  expect(harness.apiRequests.some((r) => r.url().includes("getUsageSeries"))).toBe(true);
  await harness.screenshot("usage-graph");
});

test("an events meter under its limit projects the period's end, labelled an estimate, and its graph continues as a forecast", async ({ harness }) => {
  await harness.open(LINKED_ACCOUNT, FULL);
  // 85,000 of 100,000 API calls about two weeks into a monthly period: past the limit by the end.
  const apiCalls = harness.entitlementRow("API calls");
  await expect(apiCalls).toContainText(/Projected [\d,]+ \/ 100,000 by .+ · reaches the limit around .+ \(estimate/);
  await apiCalls.getByRole("button", { name: /usage graph/i }).click();
  const chart = apiCalls.locator('figure[data-chart="line"]');
  await expect(chart.locator('g[data-series="Usage (forecast)"] polyline')).toHaveAttribute("stroke-dasharray", /\d/);
  await expect(chart.locator('g[data-series="Limit (100,000)"] polyline')).toHaveCount(1);
  // No Stripe source shows a forecast's legend swatch dashed: it is a plain swatch, the line is what is dashed.
  await expect(chart.locator(".sdk-chart__legend i")).toHaveCount(3);
  expect(await chart.locator(".sdk-chart__legend i").evaluateAll((is) => is.every((i) => getComputedStyle(i).borderStyle !== "dashed"))).toBe(true);
  await harness.screenshot("projection");
});
