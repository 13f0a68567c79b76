import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { TRPC_PATH, trpcUrl } from "../src/api/endpoint";

const appDir = path.resolve(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(path.join(appDir, "stripe-app.json"), "utf8"));
// Stripe's published manifest schema; source and licence in test/schema/README.md.
const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, "schema/stripe-app.schema.json"), "utf8"));
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function validator() {
  // Not strict: the schema carries editor-only keywords such as `markdownDescription`.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe("stripe-app.json", () => {
  it("validates against Stripe's published manifest schema", () => {
    const validate = validator();
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("is checked for real: the schema rejects a connect-src entry without a path", () => {
    const validate = validator();
    const broken = structuredClone(manifest);
    broken.ui_extension.content_security_policy["connect-src"] = ["http://localhost:3000"];
    expect(validate(broken)).toBe(false);
  });

  it("shows CustomerDetailView on the customer page, and that view exists", () => {
    expect(manifest.ui_extension.views).toEqual([
      { viewport: "stripe.dashboard.customer.detail", component: "CustomerDetailView" },
    ]);
    expect(() => readFileSync(path.join(appDir, "src/views/CustomerDetailView.tsx"))).not.toThrow();
  });

  it("allows the view to call the host's API at API_BASE", () => {
    const apiBase: string = manifest.constants.API_BASE;
    expect(apiBase).toBe("http://localhost:3000");
    const url = trpcUrl(apiBase);
    expect(url).toBe(`http://localhost:3000${TRPC_PATH}`);
    const connectSrc: string[] = manifest.ui_extension.content_security_policy["connect-src"];
    // An entry ending in a slash permits everything below it.
    expect(connectSrc.some((src) => (src.endsWith("/") ? url.startsWith(src) : url === src))).toBe(true);
  });

  it("uses OAuth with the host's callback as redirect", () => {
    expect(manifest.stripe_api_access_type).toBe("oauth");
    expect(manifest.allowed_redirect_uris).toEqual(["http://localhost:3000/oauth/callback"]);
  });

  it("explains every permission it asks for", () => {
    expect(manifest.permissions.length).toBeGreaterThan(0);
    for (const p of manifest.permissions) expect(p.purpose.length).toBeGreaterThan(10);
  });

  it("has a 300×300 PNG icon", () => {
    const png = readFileSync(path.join(appDir, manifest.icon));
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([300, 300]);
  });
});
