import { LINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

test("refresh reads the source again and updates Last refresh on", async ({ harness }) => {
  test.setTimeout(120_000);
  const drawer = await harness.open(LINKED_ACCOUNT, "cus_DemoFull");
  const label = drawer.getByText(/^Last refresh on /);
  await expect(label).toBeVisible();
  const before = await label.textContent();

  // "Last refresh on" is shown to the minute: let the minute turn so the update shows.
  const now = Date.now();
  await harness.page.waitForTimeout(60_000 - (now % 60_000) + 1_000);

  const refreshed = harness.page.waitForResponse((r) => r.url().includes("getEntitlements") && r.url().includes("fresh"));
  await drawer.locator("button", { has: harness.page.locator('svg[data-icon="refresh"]') }).click();
  const response = await refreshed;
  expect(response.status()).toBe(200);
  expect(decodeURIComponent(response.url())).toContain('"fresh":true');
  await expect(label).not.toHaveText(before!);
  await expect(label).toHaveText(/^Last refresh on .+/);
});
