import { demoCustomer, entitledFeatureNames, LINKED_ACCOUNT, planName } from "./support/demo";
import { expect, test } from "./support/harness";

const FULL = "cus_DemoFull";

// Status pill colours (SPEC): Active green; pending / not started / payment pending
// yellow; canceled and expired neutral or negative.
const PILL: Record<string, string[]> = {
  ACTIVE: ["positive"],
  NOT_STARTED: ["warning"],
  PAYMENT_PENDING: ["warning"],
  CANCELED: ["neutral", "negative"],
  EXPIRED: ["neutral", "negative"],
  IN_TRIAL: ["info", "positive", "warning"],
};

test("the Subscriptions tab lists every subscription with a colour-coded status", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await drawer.getByRole("tab", { name: "Subscriptions" }).click();
  const panel = drawer.getByRole("tabpanel");
  for (const sub of demoCustomer(FULL).subscriptions) {
    const id = panel.getByText(sub.id, { exact: true });
    await expect(id).toBeVisible();
    const entry = panel.locator(".sdk-listitem").filter({ has: harness.page.getByText(sub.id, { exact: true }) });
    // The whole row is one button: plan name, id and status.
    await expect(panel.getByRole("button").filter({ hasText: sub.id })).toContainText(planName(sub.planId));
    expect(PILL[sub.status]).toContain(await entry.locator(".sdk-badge").getAttribute("data-badge-type"));
  }
  await harness.screenshot("subscriptions");
});

test("the Subscription drawer shows one subscription's fields in order, then only its entitlements", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await drawer.getByRole("tab", { name: "Subscriptions" }).click();
  const seats = demoCustomer(FULL).subscriptions.find((s) => s.id === "sub_DemoFullSeats")!;
  // Anywhere on the row opens it: here, its subscription id rather than the plan name.
  await drawer.getByRole("tabpanel").getByText(seats.id, { exact: true }).click();

  const dialog = harness.page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const text = (await dialog.innerText()).replace(/\s+/g, " ");
  const order = ["Plan name", "Subscription ID", "Status", "Customer", "Created at", "Last updated", "Entitlements"].map((l) => text.indexOf(l));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  await expect(dialog.getByText(seats.id, { exact: true })).toBeVisible();
  await expect(dialog.getByRole("link", { name: /Acme Corp/ })).toHaveAttribute("href", /^https:\/\/app\.stigg\.io\//);

  for (const name of entitledFeatureNames(FULL, seats.id)) {
    await expect(dialog.getByText(name, { exact: true })).toBeVisible();
  }
  for (const name of ["Active users", "API calls", "Max file size"]) {
    await expect(dialog.getByText(name, { exact: true })).toHaveCount(0);
  }
  // "No filter dropdown shown": search only.
  await expect(dialog.getByRole("combobox")).toHaveCount(0);
  await expect(dialog.getByRole("searchbox")).toBeVisible();
  await harness.screenshot("subscription-drawer");

  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(drawer.getByRole("tabpanel").getByText(seats.id, { exact: true })).toBeVisible();
});
