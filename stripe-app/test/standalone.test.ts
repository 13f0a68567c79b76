// @vitest-environment node
// Stripe's CLI uploads stripe-app/ alone: the folder must install from its own lockfile,
// type-check and bundle with nothing from the repository around it. This copies it to an
// empty temporary directory (no node_modules above it), runs `npm ci` there (from npm's
// cache when it can) and checks the copy.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleViews } from "../scripts/bundle.mjs";

const exec = promisify(execFile);
const appDir = path.resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", "dist", ".build"]);

describe("stripe-app/ as a copy on its own", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "stigg-app-copy-"));
  const copy = path.join(tmp, "stripe-app");

  beforeAll(async () => {
    cpSync(appDir, copy, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
    await exec("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: copy });
  }, 600_000);
  // A node_modules tree: seconds to delete on a busy machine.
  afterAll(() => rm(tmp, { recursive: true, force: true }), 120_000);

  it("installs exactly one React, 18.3.1, from its own lockfile", async () => {
    const { stdout } = await exec("npm", ["ls", "react", "--all", "--json"], { cwd: copy });
    const versions = new Set<string>();
    const walk = (deps: Record<string, { version: string; dependencies?: object }> = {}) => {
      for (const [name, dep] of Object.entries(deps)) {
        if (name === "react") versions.add(dep.version);
        walk(dep.dependencies as never);
      }
    };
    walk(JSON.parse(stdout).dependencies);
    expect([...versions]).toEqual(["18.3.1"]);
  }, 60_000);

  it("type-checks with its own TypeScript and tsconfig.json (what the CLI checks)", async () => {
    await expect(exec(path.join(copy, "node_modules/.bin/tsc"), ["--noEmit", "-p", copy], { cwd: copy })).resolves.toBeDefined();
  }, 300_000);

  it("passes the lint of Stripe's app template (eslint with @stripe/ui-extension-tools' config)", async () => {
    await expect(exec(path.join(copy, "node_modules/.bin/eslint"), ["src"], { cwd: copy })).resolves.toBeDefined();
  }, 120_000);

  it("bundles as the CLI does, with one React 18.3.1 from its own node_modules and nothing from outside", async () => {
    const { reactCopies, inputsOutsideApp } = await bundleViews({ appDir: copy });
    expect(reactCopies).toEqual([{ dir: path.join(copy, "node_modules/react"), version: "18.3.1" }]);
    expect(inputsOutsideApp).toEqual([]);
  }, 120_000);
});
