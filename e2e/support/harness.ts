import path from "node:path";
import type { FaultKind } from "../../src/server/sources/faults";
import { test as base, expect, type ConsoleMessage, type Frame, type Locator, type Page, type Request } from "@playwright/test";

// Every run keeps its pictures with the test results; `npm run screenshots` refreshes
// the README's copies, so a plain test run leaves the work tree clean.
const SCREENSHOTS = path.resolve(
  import.meta.dirname,
  process.env.UPDATE_README_SCREENSHOTS ? "../../docs/screenshots" : "../../test-results/screenshots",
);
export const SANDBOX_PATH = "/preview/sandbox";

/** The preview page with the app drawer open on one account + customer. */
export class Harness {
  /** Every tRPC request the extension's frame made, in order. */
  readonly apiRequests: Request[] = [];

  constructor(readonly page: Page) {
    page.on("request", (req) => {
      if (new URL(req.url()).pathname.startsWith("/api/trpc") && req.frame().url().includes(SANDBOX_PATH)) {
        this.apiRequests.push(req);
      }
    });
  }

  async open(account: string, customer: string): Promise<Locator> {
    await this.page.goto(`/preview?${new URLSearchParams({ account, customer })}`);
    return this.drawer;
  }

  /** The app on another Dashboard page: a subscription's (`sub_…`) or the app's settings. */
  async openPage(account: string, page: { subscription: string } | "settings"): Promise<Locator> {
    const query: Record<string, string> =
      page === "settings" ? { account, view: "settings" } : { account, view: "subscription", subscription: page.subscription };
    await this.page.goto(`/preview?${new URLSearchParams(query)}`);
    return this.drawer;
  }

  /** The drawer as the Dashboard opens it for an account that may be a Stripe sandbox (`sandbox=1`). */
  async openAs(account: string, customer: string, options: { sandbox?: boolean; view?: "settings" | "home" } = {}): Promise<Locator> {
    const query: Record<string, string> = { account, customer };
    if (options.view) query.view = options.view;
    if (options.sandbox) query.sandbox = "1";
    await this.page.goto(`/preview?${new URLSearchParams(query)}`);
    return this.drawer;
  }

  /** What the extension rendered (the drawer, and a FocusView over it when one is open). */
  get drawer(): Locator {
    return this.page.getByTestId("app-drawer");
  }

  /** An entitlement's row: the smallest Box holding the name and its "From …" line. */
  entitlementRow(name: string): Locator {
    return this.drawer
      .locator(".sdk-box")
      .filter({ has: this.page.getByText(name, { exact: true }) })
      .filter({ hasText: /From / })
      .last();
  }

  get sandboxFrame(): Frame {
    const frame = this.page.frames().find((f) => f.url().includes(SANDBOX_PATH));
    if (!frame) throw new Error("the extension's sandbox frame is not there");
    return frame;
  }

  /** Sets one of the host's fault switches for the account (the route the page's switches use). */
  async setFault(account: string, on: boolean, kind: FaultKind = "all"): Promise<void> {
    const res = await this.page.request.post("/api/preview/fault", { data: { account, kind, on } });
    expect(res.ok()).toBe(true);
  }

  /** Saves the page as <name>.png (test-results/screenshots, or docs/screenshots for the README). */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }
}

/**
 * The HTTP errors the drawer is meant to handle (401/404/412/500 from the API) show up
 * in Chromium's console as "Failed to load resource"; anything else logged as an error
 * is a bug: a contract violation, an exception in the page or in the sandbox.
 */
function isUnexpected(msg: ConsoleMessage): boolean {
  if (msg.type() !== "error") return false;
  return !(msg.text().startsWith("Failed to load resource") && msg.location().url.includes("/api/trpc"));
}

export const test = base.extend<{ harness: Harness }>({
  harness: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (msg) => isUnexpected(msg) && errors.push(`${msg.location().url}: ${msg.text()}`));
    page.on("pageerror", (err) => errors.push(`uncaught: ${err.message}`));
    await use(new Harness(page));
    // Stripe's renderer rejects unknown components and props; so does the harness, loudly.
    await expect(page.getByTestId("harness-violations")).toHaveCount(0);
    expect(errors).toEqual([]);
  },
});

export { expect };
