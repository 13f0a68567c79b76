// @vitest-environment node
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import {
  LOCAL_MANIFEST,
  localManifest,
  MANIFEST,
  ManifestError,
  manifestErrors,
  productionManifest,
} from "../scripts/manifest.mjs";
import { TRPC_PATH, trpcUrl } from "../src/api/endpoint";
import { STRIPE_PERMISSIONS } from "../src/api/stripePermissions";

const appDir = path.resolve(import.meta.dirname, "..");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));
const manifest = readJson(MANIFEST);
const local = readJson(LOCAL_MANIFEST);

/** Whether a CSP connect-src list lets the view fetch `url` (a trailing slash permits everything below). */
const allows = (connectSrc: string[], url: string) =>
  connectSrc.some((src) => (src.endsWith("/") ? url.startsWith(src) : url === src));

/** The host fields a manifest must agree on: the API the view calls and the OAuth callback. */
function expectPointsAt(m: typeof manifest, origin: string) {
  expect(m.constants.API_BASE).toBe(origin);
  const url = trpcUrl(m.constants.API_BASE);
  expect(url).toBe(`${origin}${TRPC_PATH}`);
  expect(allows(m.ui_extension.content_security_policy["connect-src"], url)).toBe(true);
  expect(m.allowed_redirect_uris).toEqual([`${origin}/oauth/callback`]);
}

describe("stripe-app.json (production)", () => {
  it("validates against Stripe's published manifest schema", () => {
    expect(manifestErrors(manifest)).toEqual([]);
  });

  it("names, as its $schema, the copy of Stripe's schema it is validated against (editors read it)", () => {
    expect(readJson(path.join(appDir, manifest.$schema)).$id).toBe("https://stripe.com/stripe-app.schema.json");
    expect(readJson(path.join(appDir, local.$schema)).$id).toBe("https://stripe.com/stripe-app-local.schema.json");
  });

  it("is checked for real: the schema rejects a connect-src entry without a path", () => {
    const broken = structuredClone(manifest);
    broken.ui_extension.content_security_policy["connect-src"] = ["https://stigg-app.example.com"];
    expect(manifestErrors(broken).join("\n")).toContain("connect-src");
  });

  it("points every host URL at one https origin", () => {
    const origin: string = manifest.constants.API_BASE;
    expect(new URL(origin).protocol).toBe("https:");
    expectPointsAt(manifest, origin);
  });

  it("shows CustomerDetailView on the customer page, and that view exists", () => {
    expect(manifest.ui_extension.views).toContainEqual({
      viewport: "stripe.dashboard.customer.detail",
      component: "CustomerDetailView",
    });
    expect(() => readFileSync(path.join(appDir, "src/views/CustomerDetailView.tsx"))).not.toThrow();
  });

  it.each([
    ["stripe.dashboard.subscription.detail", "SubscriptionDetailView"],
    ["settings", "AppSettingsView"],
    ["stripe.dashboard.drawer.default", "DefaultDrawerView"],
  ])("shows a view on %s (%s), and that view exists", (viewport, component) => {
    expect(manifest.ui_extension.views).toContainEqual({ viewport, component });
    expect(() => readFileSync(path.join(appDir, `src/views/${component}.tsx`))).not.toThrow();
  });

  it("opens the settings view after install (where an unlinked mode shows Connect)", () => {
    expect(manifest.post_install_action).toEqual({ type: "settings" });
    expect(manifest.ui_extension.views.map((v: { viewport: string }) => v.viewport)).toContain("settings");
  });

  it("may be installed in a Stripe sandbox", () => {
    expect(manifest.sandbox_install_compatible).toBe(true);
  });

  it("uses OAuth", () => {
    expect(manifest.stripe_api_access_type).toBe("oauth");
  });

  it("asks for exactly the permissions the code that calls Stripe's API lists, with their purposes", () => {
    expect(manifest.permissions).toEqual(STRIPE_PERMISSIONS);
    for (const p of STRIPE_PERMISSIONS) expect(p.purpose.length).toBeGreaterThan(10);
  });

  it("has a 300×300 PNG icon", () => {
    const png = readFileSync(path.join(appDir, manifest.icon));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([300, 300]);
  });
});

describe("stripe-app.local.json (local work)", () => {
  it("validates against Stripe's local manifest schema and extends the production manifest", () => {
    expect(manifestErrors(local, "local")).toEqual([]);
    expect(local.extends).toBe("stripe-app.json");
  });

  it("is checked for real: the local schema rejects a field it does not allow", () => {
    expect(manifestErrors({ ...local, extends: "other.json" }, "local").join("\n")).toContain("/extends");
    expect(manifestErrors({ ...local, stray: 1 }, "local")).not.toEqual([]);
  });

  it("merged over the production manifest, is a valid manifest for the host on localhost:3000", () => {
    const merged = localManifest();
    expect(manifestErrors(merged)).toEqual([]);
    expectPointsAt(merged, "http://localhost:3000");
    // Everything it does not override comes from the production manifest.
    expect(merged.ui_extension.views).toEqual(manifest.ui_extension.views);
    expect(merged.permissions).toEqual(manifest.permissions);
    expect(merged.constants?.STIGG_APP_URL).toBe(manifest.constants.STIGG_APP_URL);
  });
});

describe("npm run manifest -- --public-url …", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stigg-manifest-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = path.join(appDir, "scripts/manifest.mjs");

  async function runOnCopy(publicUrl: string) {
    const file = path.join(dir, `stripe-app-${Math.random().toString(36).slice(2)}.json`);
    copyFileSync(MANIFEST, file);
    const run = promisify(execFile)(process.execPath, [script, "--public-url", publicUrl, "--manifest", file]);
    return { run, file };
  }

  it("writes a manifest for the operator's host that validates, keeping views and permissions", async () => {
    const { run, file } = await runOnCopy("https://entitlements.acme.test/");
    await run;
    const written = readJson(file);
    expect(manifestErrors(written)).toEqual([]);
    expectPointsAt(written, "https://entitlements.acme.test");
    expect(written.ui_extension.views).toEqual(manifest.ui_extension.views);
    expect(written.permissions).toEqual(manifest.permissions);
    expect(written.constants.STIGG_APP_URL).toBe(manifest.constants.STIGG_APP_URL);
  });

  it.each([
    ["plain http", "http://entitlements.acme.test", "must be https"],
    ["a path", "https://entitlements.acme.test/stigg", "origin only"],
    ["no URL at all", "entitlements.acme.test", "must be a URL"],
  ])("refuses %s and leaves the file alone", async (_, publicUrl, message) => {
    const { run, file } = await runOnCopy(publicUrl);
    await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(message) });
    expect(readFileSync(file, "utf8")).toBe(readFileSync(MANIFEST, "utf8"));
  });

  it("refuses to write a manifest Stripe's schema rejects", () => {
    const base = structuredClone(manifest);
    base.permissions = [{ permission: "not_a_permission", purpose: "Nothing real here at all." }];
    expect(() => productionManifest(base, "https://entitlements.acme.test")).toThrow(ManifestError);
  });
});
