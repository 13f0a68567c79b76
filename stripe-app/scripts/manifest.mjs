// The app's two manifests. `stripe-app/stripe-app.json` is the production one, written for
// the operator's host by
//
//   npm run manifest -- --public-url https://stigg-app.example.com
//
// which sets every URL the Dashboard needs (connect-src, the OAuth redirect, API_BASE),
// keeps everything else in the file (views, permissions, other constants), refuses
// anything but https, and validates the result against Stripe's schema before writing.
// It lives in stripe-app/ (with its ajv) so that the folder checks its manifests on its
// own; the repository's `npm run manifest` runs it from the root.
// `stripe-app/stripe-app.local.json` extends it for local work (http://localhost:3000):
// `stripe apps start --manifest stripe-app.local.json` and the preview harness use it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";

export const appDir = path.resolve(import.meta.dirname, "..");
export const MANIFEST = path.join(appDir, "stripe-app.json");
export const LOCAL_MANIFEST = path.join(appDir, "stripe-app.local.json");
// Stripe's published schemas (MIT); source and licence in stripe-app/test/schema/README.md.
const schemaDir = path.join(appDir, "test/schema");

/** @typedef {Record<string, any>} Manifest a manifest as JSON */

const readJson = (/** @type {string} */ file) => JSON.parse(readFileSync(file, "utf8"));

function validators() {
  // Not strict: the schemas carry editor-only keywords such as `markdownDescription`.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The local schema refers to the main one by its $id.
  ajv.addSchema(readJson(path.join(schemaDir, "stripe-app.schema.json")));
  ajv.addSchema(readJson(path.join(schemaDir, "stripe-app-local.schema.json")));
  return {
    main: ajv.getSchema("https://stripe.com/stripe-app.schema.json"),
    local: ajv.getSchema("https://stripe.com/stripe-app-local.schema.json"),
  };
}

/**
 * Stripe's schema's complaints about `manifest` (`kind`: "main" for stripe-app.json,
 * "local" for a manifest that extends it), one line each; empty when it validates.
 * @param {unknown} manifest
 * @param {"main" | "local"} [kind]
 * @returns {string[]}
 */
export function manifestErrors(manifest, kind = "main") {
  const validate = validators()[kind];
  if (!validate) throw new Error(`no schema for ${kind}`);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
}

export class ManifestError extends Error {}

/**
 * The origin a production manifest may point at: https, no path, query or fragment.
 * @param {string} publicUrl
 */
export function publicOrigin(publicUrl) {
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new ManifestError(`--public-url must be a URL such as https://stigg-app.example.com (got "${publicUrl}")`);
  }
  if (url.protocol !== "https:") {
    throw new ManifestError(
      `--public-url must be https: the Dashboard only calls hosts over TLS (got "${publicUrl}"). ` +
        "For local work use stripe-app/stripe-app.local.json.",
    );
  }
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    throw new ManifestError(`--public-url must be an origin only, the host serves /api and /oauth at its root (got "${publicUrl}")`);
  }
  return url.origin;
}

/**
 * The URL-dependent fields of a manifest for a host at `origin`.
 * @param {string} origin
 */
export function hostFields(origin) {
  return {
    connectSrc: [`${origin}/api/`],
    redirectUris: [`${origin}/oauth/callback`],
    apiBase: origin,
  };
}

/**
 * `base` with every host URL pointing at `publicUrl`; refuses non-https and invalid results.
 * @param {Manifest} base
 * @param {string} publicUrl
 * @returns {Manifest}
 */
export function productionManifest(base, publicUrl) {
  const { connectSrc, redirectUris, apiBase } = hostFields(publicOrigin(publicUrl));
  const manifest = structuredClone(base);
  manifest.ui_extension.content_security_policy["connect-src"] = connectSrc;
  manifest.allowed_redirect_uris = redirectUris;
  manifest.constants = { ...manifest.constants, API_BASE: apiBase };
  const errors = manifestErrors(manifest);
  if (errors.length) throw new ManifestError(`The manifest would not validate against Stripe's schema:\n  ${errors.join("\n  ")}`);
  return manifest;
}

const isObject = (/** @type {unknown} */ v) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * `override` laid over `base`: objects merge key by key, anything else (arrays too) replaces.
 * @param {Manifest} base
 * @param {Manifest} override
 * @returns {Manifest}
 */
export function extend(base, override) {
  const out = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = isObject(value) && isObject(base[key]) ? extend(base[key], value) : value;
  }
  return out;
}

/** What `stripe apps start --manifest stripe-app.local.json` runs: the local file over the one it extends. */
export function localManifest() {
  const { extends: parent, ...local } = readJson(LOCAL_MANIFEST);
  return extend(readJson(path.join(appDir, parent)), local);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --manifest: another file to rewrite in place (tests use a copy).
  const { values } = parseArgs({ options: { "public-url": { type: "string" }, manifest: { type: "string" } } });
  const file = path.resolve(values.manifest ?? MANIFEST);
  try {
    if (!values["public-url"]) throw new ManifestError("usage: npm run manifest -- --public-url https://your-host.example.com");
    const manifest = productionManifest(readJson(file), values["public-url"]);
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    const { connectSrc, redirectUris, apiBase } = hostFields(publicOrigin(values["public-url"]));
    console.log(
      `Wrote ${path.relative(process.cwd(), file)} (validated against Stripe's schema):\n` +
        `  connect-src            ${connectSrc.join(", ")}\n` +
        `  allowed_redirect_uris  ${redirectUris.join(", ")}\n` +
        `  constants.API_BASE     ${apiBase}\n` +
        "Set PUBLIC_URL to the same origin on the host, then upload with `stripe apps upload` from stripe-app/.",
    );
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
