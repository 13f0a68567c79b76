// Serves the production build for the e2e run: `next start` on the given port with a
// fresh embedded database in a temporary directory, removed when the server stops.
// Usage: node e2e/support/server.mjs <port> <sandbox|live>
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const [port, mode] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, "../..");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
  console.error(`No production build in ${distDir}/: run \`npm run build\` (or scripts/build-harness.mjs + next build) first.`);
  process.exit(1);
}
if (!existsSync(path.join(root, "public/preview/renderer.js"))) {
  console.error("No harness bundles in public/preview/: run `node scripts/build-harness.mjs` first.");
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), `stigg-e2e-${mode}-`));
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PGLITE_DIR: path.join(dataDir, "pglite"),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};
// Sandbox mode is the absence of an app secret; live mode needs one and an encryption key.
delete env.STRIPE_APP_SECRET;
delete env.STRIPE_APP_SECRET_PREVIOUS;
delete env.DATABASE_URL;
if (mode === "live") {
  env.STRIPE_APP_SECRET = "absec_e2e_live_mode_not_a_real_secret";
  env.STRIPE_WEBHOOK_SECRET = "whsec_e2e_live_mode_not_a_real_secret";
  env.ENCRYPTION_KEYS = `e2e:${Buffer.alloc(32, 7).toString("base64")}`;
}

const next = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", port, "--hostname", "127.0.0.1"], {
  cwd: root,
  env,
  stdio: "inherit",
});
const stop = () => next.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
next.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
