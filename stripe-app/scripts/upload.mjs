// `npm run upload`: checks stripe-app.json before handing the folder to Stripe's CLI
// (`stripe apps upload`), so that the committed manifest, written for the placeholder
// host, is never uploaded, nor one Stripe's schema rejects. It warns when the version is
// the one the last successful upload recorded (Stripe keeps every uploaded version, so a
// second upload of one is refused or replaces nothing useful) and records the version once
// the CLI succeeds. Arguments after `--` go to the CLI; STRIPE_CLI names another binary.
//
//   npm run upload [-- --skip-validation …]
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { appDir, MANIFEST, manifestErrors } from "./manifest.mjs";

/** The origin the committed manifest points at until `npm run manifest` rewrites it. */
export const PLACEHOLDER_ORIGIN = "https://stigg-app.example.com";
/** What the last successful upload recorded (not committed: it belongs to whoever uploads). */
export const UPLOAD_RECORD = path.join(appDir, ".last-upload.json");

/**
 * Why `manifest` must not be uploaded, one reason a line; empty when it may.
 * @param {import("./manifest.mjs").Manifest} manifest
 * @returns {string[]}
 */
export function uploadProblems(manifest) {
  const urls = [
    manifest.constants?.API_BASE,
    ...(manifest.ui_extension?.content_security_policy?.["connect-src"] ?? []),
    ...(manifest.allowed_redirect_uris ?? []),
  ].filter((/** @type {unknown} */ u) => typeof u === "string");
  const problems = [];
  if (urls.some((u) => u.startsWith(PLACEHOLDER_ORIGIN))) {
    problems.push(
      `stripe-app.json still points at the placeholder host ${PLACEHOLDER_ORIGIN}. ` +
        "Write it for your host first, at the repository root: npm run manifest -- --public-url https://your-host",
    );
  }
  const errors = manifestErrors(manifest);
  if (errors.length) problems.push(`stripe-app.json does not validate against Stripe's schema:\n  ${errors.join("\n  ")}`);
  return problems;
}

/**
 * A warning when `version` is the one the last successful upload recorded, else null.
 * @param {string} version
 */
export function versionWarning(version, recordFile = UPLOAD_RECORD) {
  if (!existsSync(recordFile)) return null;
  const last = JSON.parse(readFileSync(recordFile, "utf8"));
  if (last.version !== version) return null;
  return (
    `Warning: version ${version} is the version of the last successful upload (${last.uploadedAt}). ` +
    'Raise "version" in stripe-app.json to upload a new version of the app.'
  );
}

/**
 * @param {string} cli
 * @param {string[]} args
 * @returns {Promise<number>} the exit code
 */
function runCli(cli, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, { cwd: appDir, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
  const problems = uploadProblems(manifest);
  if (problems.length) {
    console.error(`Not uploading:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  const warning = versionWarning(manifest.version);
  if (warning) console.warn(warning);
  const cli = process.env.STRIPE_CLI || "stripe";
  let code;
  try {
    code = await runCli(cli, ["apps", "upload", ...process.argv.slice(2)]);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== "ENOENT") throw err;
    console.error(`Stripe's CLI (${cli}) is not installed: install it, then \`stripe plugin install apps\` and \`stripe login\`.`);
    process.exit(1);
  }
  if (code !== 0) {
    console.error(`\`${cli} apps upload\` failed (exit ${code}); nothing recorded.`);
    process.exit(code);
  }
  writeFileSync(UPLOAD_RECORD, `${JSON.stringify({ version: manifest.version, uploadedAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`Uploaded version ${manifest.version}; recorded in ${path.basename(UPLOAD_RECORD)}.`);
}
