import { LINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

test("refresh reads the whole drawer again, fresh, in one request, and says it is working", async ({ harness, page }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, "cus_DemoFull");
  const apiCalls = harness.entitlementRow("API calls");
  await apiCalls.getByRole("button", { name: /usage graph/i }).click();
  await expect(apiCalls.locator('figure[data-chart="line"]')).toBeVisible();

  // Hold the refresh's answer a moment, so its working state can be seen.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/api\/trpc\/.*fresh/, async (route) => {
    await held;
    await route.continue();
  });
  const before = harness.apiRequests.length;
  await drawer.locator("button", { has: page.locator('svg[data-icon="refresh"]') }).click();
  await expect(drawer.getByText("Refreshing…", { exact: true })).toBeVisible();
  release();
  await expect(drawer.getByText("Refreshing…", { exact: true })).toHaveCount(0);

  const refresh = harness.apiRequests.slice(before).map((r) => decodeURIComponent(r.url())).filter((u) => u.includes('"fresh":true'));
  expect(refresh).toHaveLength(1);
  const url = refresh[0]!;
  for (const procedure of ["getCustomer", "listSubscriptions", "getEntitlements", "getUsageSeries"]) expect(url).toContain(procedure);
  expect(url.match(/"fresh":true/g)).toHaveLength(4);
});
