import { LINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

test.afterEach(async ({ harness }) => {
  await harness.setFault(LINKED_ACCOUNT, false);
});

test("a failing data source shows App Failed to Load with the correlation id, and Retry recovers", async ({ harness }) => {
  const page = harness.page;
  await harness.open(LINKED_ACCOUNT, "cus_DemoNoUsage");
  await expect(harness.drawer.getByText("Quiet Co")).toBeVisible();

  // The page's switch makes the host's source fail; reopen the customer to load again.
  const failed = page.waitForResponse((r) => r.url().includes("/api/trpc") && r.status() === 500);
  await page.getByTestId("fault-switch").check();
  await expect(page.getByTestId("fault-switch")).toBeChecked();
  await page.getByLabel("Customer", { exact: true }).fill("cus_DemoFull");
  await page.getByRole("button", { name: "Open customer" }).click();

  const response = await failed;
  const correlationId = await response.headerValue("x-correlation-id");
  expect(correlationId).toBeTruthy();
  const drawer = harness.drawer;
  await expect(drawer.getByText("App Failed to Load", { exact: true })).toBeVisible();
  await expect(drawer.getByText(correlationId!)).toBeVisible();
  await expect(drawer.getByRole("link", { name: /View in Stigg/ })).toBeVisible();
  const retry = drawer.getByRole("button", { name: "Retry" });
  await expect(retry).toBeVisible();
  await harness.screenshot("error");

  // Still failing: Retry asks again and fails again, with a new correlation id.
  const again = page.waitForResponse((r) => r.url().includes("/api/trpc") && r.status() === 500);
  await retry.click();
  const secondId = await (await again).headerValue("x-correlation-id");
  await expect(drawer.getByText(secondId!)).toBeVisible();

  await page.getByTestId("fault-switch").uncheck();
  await expect(page.getByTestId("fault-switch")).not.toBeChecked();
  await drawer.getByRole("button", { name: "Retry" }).click();
  await expect(drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
  await expect(drawer.getByText(/^Last refresh on /)).toBeVisible();
  await expect(drawer.getByText("App Failed to Load")).toHaveCount(0);
});
