import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buildSandbox, root } from "../src/harness/build/bundles.mjs";

// Every other test asserts that the real view never trips the harness's checks; these
// prove the checks bite: a sandbox bundle around a view that misbehaves on purpose
// replaces the built one for this page only.
async function hostView(page: Page, outputPath: string, fixture: string): Promise<void> {
  await buildSandbox({ view: path.join(root, "e2e/fixtures", fixture), outfile: outputPath });
  const bundle = await readFile(outputPath, "utf8");
  await page.route("**/preview/sandbox.js", (route) => route.fulfill({ contentType: "text/javascript", body: bundle }));
}

test("unknown components and props outside the SDK's contract are reported loudly", async ({ page }, testInfo) => {
  await hostView(page, testInfo.outputPath("sandbox.js"), "ContractBreakingView.tsx");
  const logged: string[] = [];
  page.on("console", (msg) => msg.type() === "error" && logged.push(msg.text()));

  await page.goto("/preview?account=acct_DemoLinked&customer=cus_DemoFull");
  await expect(page.getByTestId("app-drawer").getByText("Still rendered")).toBeVisible();
  const banner = page.getByTestId("harness-violations");
  await expect(banner).toBeVisible();
  const expected = [
    'Badge: prop type = "success", expected',
    'Button: prop onPress = "not a function", expected function',
    'Button: unknown prop colour = "red"',
    "Box: css.colour is not a css property the SDK declares",
    'Icon: prop name = "notAnIcon", expected',
    "Marquee: unknown component (not in the SDK)",
    "Chip: SDK component not implemented by the harness",
    // A ui/next chart's rows are checked field by field against the SDK's row types.
    'LineChart: prop data[0].period = "later", expected "actual" | "forecast"',
    "LineChart: data[0].colour is not a field the SDK declares for data",
  ];
  for (const message of expected) {
    await expect(banner).toContainText(message);
    expect(logged.some((line) => line.includes(message))).toBe(true);
  }
  await expect(page.getByTestId("app-drawer").getByRole("alert").filter({ hasText: "Unknown component: Marquee" })).toBeVisible();
});

test("an exception inside the sandbox is shown on the page", async ({ page }, testInfo) => {
  await hostView(page, testInfo.outputPath("sandbox.js"), "ThrowingView.tsx");
  await page.goto("/preview?account=acct_DemoLinked&customer=cus_DemoFull");
  await expect(page.getByTestId("harness-violations")).toContainText("sandbox: Error: the extension failed after its first render");
});

test("ui/next charts are drawn in the DOM: meter, forecast dashed, limit, bars clear of the axis labels", async ({ page }, testInfo) => {
  await hostView(page, testInfo.outputPath("sandbox.js"), "NextChartsView.tsx");
  await page.goto("/preview?account=acct_DemoLinked&customer=cus_DemoFull");
  const drawer = page.getByTestId("app-drawer");

  const meter = drawer.locator('[data-chart="meter"]');
  await expect(meter.locator('[data-segment="Used"]')).toBeVisible();
  await expect(meter).toContainText("Used 850");
  await expect(meter).toContainText("Remaining 150");

  const line = drawer.locator('[data-chart="line"]');
  await expect(line.locator('g[data-series="Usage"] polyline')).not.toHaveAttribute("stroke-dasharray", /./);
  await expect(line.locator('g[data-series="Usage (forecast)"] polyline')).toHaveAttribute("stroke-dasharray", /\d/);
  // Flat, so zero pixels high: present and level rather than "visible".
  await expect(line.locator('g[data-series="Limit"] polyline')).toHaveAttribute("points", /^[\d.]+,([\d.]+) [\d.]+,\1$/);
  await expect(drawer.locator('[data-chart="sparkline"] polyline')).toBeVisible();

  // In every bar chart, no bar reaches into the y axis' labels on the left.
  const bars = drawer.locator('[data-chart="bar"]');
  await expect(bars).toHaveCount(2);
  for (const chart of await bars.all()) {
    const clear = await chart.evaluate((figure) => {
      const svg = figure.querySelector("svg")!;
      const labelsRight = Math.max(...[...svg.querySelectorAll('text[data-axis="y"]')].map((t) => (t as SVGGraphicsElement).getBBox().x + (t as SVGGraphicsElement).getBBox().width));
      const barsLeft = Math.min(...[...svg.querySelectorAll("rect[data-series]")].map((r) => (r as SVGGraphicsElement).getBBox().x));
      return barsLeft - labelsRight;
    });
    expect(clear).toBeGreaterThan(0);
  }
  await expect(page.getByTestId("harness-violations")).toHaveCount(0);
});
