import type { Response } from "@playwright/test";
import { creditTypeNames, demoCustomer, entitledFeatureNames, LINKED_ACCOUNT, planName } from "./support/demo";
import { expect, type Harness, test } from "./support/harness";

// One independent read failing (the page's "Only … fail" switches) leaves the rest of the
// drawer on screen, with a notice in the failed section.

test.afterEach(async ({ harness }) => {
  await harness.setFault(LINKED_ACCOUNT, false, "credits");
  await harness.setFault(LINKED_ACCOUNT, false, "subscriptions");
});

/** Opens another customer first, flips the page's switch, then opens cus_DemoFull: a fresh first paint. */
async function openWithFault(harness: Harness, testId: string): Promise<Response> {
  const page = harness.page;
  await harness.open(LINKED_ACCOUNT, "cus_DemoNoUsage");
  await expect(page.getByText("Quiet Co")).toBeVisible();
  await page.getByTestId(testId).check();
  await expect(page.getByTestId(testId)).toBeChecked();
  const firstPaint = page.waitForResponse((r) => r.url().includes("/api/trpc/getCustomer,listSubscriptions,getEntitlements"));
  await page.getByLabel("Customer", { exact: true }).fill("cus_DemoFull");
  await page.getByRole("button", { name: "Open customer" }).click();
  return firstPaint;
}

test("with credits failing, the Entitlements tab shows the features and a notice; Retry brings the credits", async ({ harness }) => {
  const page = harness.page;
  const response = await openWithFault(harness, "fault-switch-credits");
  // A partial result is an answer, not an error.
  expect(response.status()).toBe(200);
  const correlationId = await response.headerValue("x-correlation-id");
  expect(correlationId).toBeTruthy();

  const drawer = harness.drawer;
  await expect(drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
  const notice = drawer.getByRole("alert").filter({ hasText: "Credit balances not loaded" });
  await expect(notice).toBeVisible();
  await expect(notice.getByText(`Correlation ID: ${correlationId}`)).toBeVisible();
  const retry = notice.getByRole("button", { name: "Retry" });
  await expect(retry).toBeVisible();
  for (const name of entitledFeatureNames("cus_DemoFull")) {
    await expect(drawer.getByText(name, { exact: true }).first()).toBeVisible();
  }
  for (const name of creditTypeNames()) await expect(drawer.getByText(name, { exact: true })).toHaveCount(0);
  await expect(drawer.getByText("App Failed to Load")).toHaveCount(0);
  await harness.screenshot("partial-credits");

  await page.getByTestId("fault-switch-credits").uncheck();
  await expect(page.getByTestId("fault-switch-credits")).not.toBeChecked();
  const retried = page.waitForResponse((r) => r.url().includes("/api/trpc/getEntitlements"));
  await retry.click();
  // Retry asks for the entitlements alone.
  expect(new URL((await retried).url()).pathname).toBe("/api/trpc/getEntitlements");
  for (const name of creditTypeNames()) await expect(drawer.getByText(name, { exact: true })).toBeVisible();
  await expect(drawer.getByText("Credit balances not loaded")).toHaveCount(0);
});

test("with subscriptions failing, the entitlements stay and the Subscriptions tab has the notice", async ({ harness }) => {
  const page = harness.page;
  const response = await openWithFault(harness, "fault-switch-subscriptions");
  const correlationId = await response.headerValue("x-correlation-id");

  const drawer = harness.drawer;
  await expect(drawer.getByText(/^Last refresh on /)).toBeVisible();
  for (const name of creditTypeNames()) await expect(drawer.getByText(name, { exact: true })).toBeVisible();
  await expect(drawer.getByRole("alert")).toHaveCount(0);

  await drawer.getByRole("tab", { name: "Subscriptions" }).click();
  const notice = drawer.getByRole("alert").filter({ hasText: "Subscriptions not loaded" });
  await expect(notice).toBeVisible();
  await expect(notice.getByText(`Correlation ID: ${correlationId}`)).toBeVisible();
  await harness.screenshot("partial-subscriptions");

  await page.getByTestId("fault-switch-subscriptions").uncheck();
  await expect(page.getByTestId("fault-switch-subscriptions")).not.toBeChecked();
  await notice.getByRole("button", { name: "Retry" }).click();
  for (const subscription of demoCustomer("cus_DemoFull").subscriptions) {
    await expect(drawer.getByText(subscription.id, { exact: true })).toBeVisible();
  }
  await expect(drawer.getByText(planName(demoCustomer("cus_DemoFull").subscriptions[0]!.planId), { exact: true }).first()).toBeVisible();
  await expect(drawer.getByText("Subscriptions not loaded")).toHaveCount(0);
});
