// Shared steps of start.mjs, build.mjs and test.mjs. Plain Node (no TypeScript) so that
// they run on a fresh clone before anything is built.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command from the project root, inheriting stdio; rejects on a non-zero exit. */
export function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(existsSync(bin(command)) ? bin(command) : command, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

const appDir = path.join(root, "stripe-app");
const APP_STAMP = path.join(appDir, "node_modules", ".installed-from");

/** The extension's lockfile, as the stamp of what its node_modules was installed from. */
function appLockHash() {
  return createHash("sha256").update(readFileSync(path.join(appDir, "package-lock.json"))).digest("hex");
}

/**
 * stripe-app/ is installed on its own, from its own lockfile (Stripe's CLI uploads that
 * folder alone), and the root's `npm ci` does not touch it. Runs `npm ci` there when its
 * node_modules is missing or was installed from another lockfile. No lifecycle hook:
 * npm may skip those.
 */
export async function ensureAppInstalled() {
  const wanted = appLockHash();
  if (existsSync(APP_STAMP) && readFileSync(APP_STAMP, "utf8") === wanted) return;
  console.log("Installing stripe-app/ from its lockfile (npm ci)…");
  await run("npm", ["ci", "--prefix", "stripe-app", "--no-audit", "--no-fund"]);
  writeFileSync(APP_STAMP, wanted);
}

/**
 * `prisma generate` without Prisma's native engine, which cannot be downloaded here: the
 * CLI only checks that the schema-engine path exists, and generating needs no engine.
 */
export function generatePrismaClient() {
  return run("prisma", ["generate"], {
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm"),
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  });
}

const BUILD_INPUTS = ["src", "prisma", "stripe-app/src", "stripe-app/stripe-app.json", "stripe-app/stripe-app.local.json", "stripe-app/package-lock.json", "stripe-app/tsconfig.json", "scripts", "public", "next.config.js", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["node_modules", "generated", "preview", ".next"]);
export const STAMP = path.join(root, ".next", "source-stamp");

/** A hash of everything the production build is made from, to rebuild only when it changed. */
export function sourceStamp() {
  const hash = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name));
    } else {
      hash.update(path.relative(root, p)).update(readFileSync(p));
    }
  };
  for (const input of BUILD_INPUTS) walk(path.join(root, input));
  return hash.digest("hex");
}

export function isBuildCurrent() {
  return existsSync(STAMP) && readFileSync(STAMP, "utf8") === sourceStamp();
}
