import { LINKED_ACCOUNT, UNLINKED_ACCOUNT } from "./support/demo";
import { expect, test } from "./support/harness";

// The preview harness itself: drawer widths, the bar on a narrow window, what it shows where.

const FULL = "cus_DemoFull";

for (const width of [320, 440, 640]) {
  test(`at a ${width} px drawer the Command Center fits: filters whole, nothing wider than the drawer`, async ({ harness, page }) => {
    await page.goto(`/preview?${new URLSearchParams({ account: LINKED_ACCOUNT, customer: FULL, width: String(width) })}`);
    const drawer = harness.drawer;
    await expect(drawer.getByText("Acme Corp", { exact: true })).toBeVisible();
    expect((await drawer.boundingBox())!.width).toBeCloseTo(width, 0);
    // The type filter shows its whole label ("All types", not "All typ").
    const type = drawer.getByRole("combobox", { name: "Type" });
    const room = await type.evaluate((el: HTMLSelectElement) => {
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.font = getComputedStyle(el).font;
      return { text: ctx.measureText(el.selectedOptions[0]!.text).width, box: el.clientWidth };
    });
    expect(room.text).toBeLessThan(room.box);
    const body = drawer.getByTestId("drawer-body");
    expect(await body.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await harness.screenshot(`drawer-${width}`);
  });
}

test("the drawer width is a picker in the bar and stays in the URL", async ({ harness, page }) => {
  await harness.open(LINKED_ACCOUNT, FULL);
  await page.locator('.harness-bar select[name="width"]').selectOption("320");
  await page.getByRole("button", { name: "Open customer" }).click();
  await expect(page).toHaveURL(/width=320/);
  expect((await harness.drawer.boundingBox())!.width).toBeCloseTo(320, 0);
});

test("the bar does not overflow a 480 px window", async ({ harness, page }) => {
  await page.setViewportSize({ width: 480, height: 800 });
  await harness.open(LINKED_ACCOUNT, FULL);
  const bar = page.locator(".harness-bar");
  expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test("the customer picker shows only where a customer is used, and the nav highlights the page the breadcrumb names", async ({ harness, page }) => {
  await harness.openPage(LINKED_ACCOUNT, "settings");
  await expect(page.getByLabel("Customer", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("crumbs")).toHaveText("Settings › Installed apps");
  await expect(page.locator('[aria-current="page"]')).toHaveText("Settings");

  await harness.openPage(LINKED_ACCOUNT, { subscription: "sub_1DemoAcmeSeatsStripe" });
  await expect(page.getByLabel("Customer", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("crumbs")).toHaveText("Billing › Subscriptions");
  await expect(page.locator('[aria-current="page"]')).toHaveText("Billing");

  await harness.open(LINKED_ACCOUNT, FULL);
  await expect(page.getByLabel("Customer", { exact: true })).toBeVisible();
  await expect(page.getByTestId("crumbs")).toHaveText("Customers");
  await expect(page.locator('[aria-current="page"]')).toHaveText("Customers");
});

test("the preview and the root page have a favicon", async ({ page, request }) => {
  for (const path of ["/preview", "/"]) {
    await page.goto(path);
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    expect((await request.get(new URL(href!, page.url()).toString())).ok()).toBe(true);
  }
});

test("the root page names its two links to the same customer apart", async ({ page }) => {
  await page.goto("/");
  const names = await page.getByRole("link").allTextContents();
  expect(new Set(names).size).toBe(names.length);
  await expect(page.getByRole("link", { name: `${FULL} on ${UNLINKED_ACCOUNT}` })).toHaveAttribute("href", new RegExp(`account=${UNLINKED_ACCOUNT}`));
});

test("the Subscriptions tab lists active subscriptions first", async ({ harness }) => {
  const drawer = await harness.open(LINKED_ACCOUNT, FULL);
  await drawer.getByRole("tab", { name: "Subscriptions" }).click();
  const first = drawer.getByRole("tabpanel").locator(".sdk-listitem").first();
  await expect(first.locator(".sdk-badge")).toHaveText("Active");
});
