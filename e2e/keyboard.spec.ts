import { LINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

// Keyboard use of the drawer, as the harness renders Stripe's components (each behaviour's
// Stripe source is cited where the harness implements it, src/harness/dom/components/).

const FULL = "cus_DemoFull";

test("arrow keys move between the tabs, which are one tab stop", async ({ harness, page }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  const entitlements = drawer.getByRole("tab", { name: "Entitlements" });
  const subscriptions = drawer.getByRole("tab", { name: "Subscriptions" });
  await expect(entitlements).toHaveAttribute("aria-selected", "true");
  await expect(subscriptions).toHaveAttribute("tabindex", "-1");
  await entitlements.focus();
  await page.keyboard.press("ArrowRight");
  await expect(subscriptions).toBeFocused();
  await expect(subscriptions).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(entitlements).toBeFocused();
  await page.keyboard.press("End");
  await expect(subscriptions).toHaveAttribute("aria-selected", "true");
});

test("a subscription row shows focus; Enter opens its drawer with focus inside, and closing returns to the row", async ({ harness, page }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await drawer.getByRole("tab", { name: "Subscriptions" }).click();
  const row = drawer.getByRole("tabpanel").getByRole("button").filter({ hasText: "sub_DemoFullSeats" });
  await row.focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(row).toBeFocused();
  // A visible ring, not the `all: unset` nothing.
  expect(await row.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");

  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeFocused();
});

test("a meter's legend adds no tab stops (it is not clickable without onSegmentClick)", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await expect(drawer.locator(".sdk-meter__legend").first()).toBeVisible();
  await expect(drawer.locator(".sdk-meter__legend button")).toHaveCount(0);
});
