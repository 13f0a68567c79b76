// @vitest-environment node
// Stripe's CLI uploads stripe-app/ alone, and a CLI user has only that folder: it must
// install from its own lockfile and run its own scripts (test, typecheck, lint, bundle,
// upload) with nothing from the repository around it. This copies it to an empty
// temporary directory (no node_modules above it), runs `npm ci` there (from npm's cache
// when it can) and runs the copy's scripts as a user would.
import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const appDir = path.resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", "dist", ".build", ".last-upload.json"]);

describe("stripe-app/ as a copy on its own", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "stigg-app-copy-"));
  const copy = path.join(tmp, "stripe-app");
  const npm = (args: string[], env: Record<string, string> = {}) =>
    exec("npm", args, { cwd: copy, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });

  beforeAll(async () => {
    cpSync(appDir, copy, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
    await npm(["ci", "--prefer-offline", "--no-audit", "--no-fund"]);
  }, 600_000);
  // A node_modules tree: seconds to delete on a busy machine.
  afterAll(() => rm(tmp, { recursive: true, force: true }), 120_000);

  it("installs exactly one React, 18.3.1, from its own lockfile", async () => {
    const { stdout } = await npm(["ls", "react", "--all", "--json"]);
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

  it("runs the extension's tests with `npm test` (all but this one, which would copy itself again)", async () => {
    const out = path.join(tmp, "report.json");
    await npm(["test", "--", "--exclude", "test/standalone.test.ts", "--reporter=json", `--outputFile=${out}`]);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.numFailedTests).toBe(0);
    const files = report.testResults.map((r: { name: string }) => path.relative(copy, r.name));
    // The suites that validate with the host's contract and Stripe's schema ran too.
    expect(files).toEqual(expect.arrayContaining(["test/manifest.test.ts", "test/views/settings.test.tsx", "test/bundle.test.ts"]));
    expect(report.numPassedTests).toBeGreaterThan(100);
  }, 900_000);

  it("type-checks the views and the tests with `npm run typecheck` (its own TypeScript and tsconfig.json)", async () => {
    await expect(npm(["run", "typecheck"])).resolves.toBeDefined();
  }, 300_000);

  it("passes the lint of Stripe's app template with `npm run lint` (@stripe/ui-extension-tools' config)", async () => {
    await expect(npm(["run", "lint"])).resolves.toBeDefined();
  }, 120_000);

  it("bundles with `npm run bundle`: one React 18.3.1 from its own node_modules, nothing from outside", async () => {
    const { stdout } = await npm(["run", "bundle"]);
    expect(stdout).toMatch(/^CustomerDetailView: .* React included$/m);
    expect(stdout).toContain(`React in the bundle: 18.3.1 (${path.join(copy, "node_modules/react")})`);
  }, 120_000);

  describe("npm run upload", () => {
    // Stands in for Stripe's CLI on the PATH: records its arguments, exits with $FAKE_EXIT.
    const bin = path.join(tmp, "bin");
    const calls = path.join(tmp, "cli-calls.txt");
    const record = () => path.join(copy, ".last-upload.json");
    beforeAll(() => {
      mkdirSync(bin, { recursive: true });
      writeFileSync(path.join(bin, "stripe"), `#!/bin/sh\necho "$@" >> "${calls}"\nexit "\${FAKE_EXIT:-0}"\n`);
      chmodSync(path.join(bin, "stripe"), 0o755);
    });
    const upload = (exit = 0) => npm(["run", "upload"], { PATH: `${bin}:${process.env.PATH}`, FAKE_EXIT: String(exit) });
    const cliCalls = () => (existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n") : []);

    it("refuses the committed manifest's placeholder host, says how to fix it, and never calls the CLI", async () => {
      await expect(upload()).rejects.toMatchObject({
        stderr: expect.stringContaining("npm run manifest -- --public-url https://your-host"),
      });
      expect(cliCalls()).toEqual([]);
      expect(existsSync(record())).toBe(false);
    }, 120_000);

    it("for the operator's host, calls `stripe apps upload`, records the version, and warns when it is uploaded again", async () => {
      await exec(process.execPath, ["scripts/manifest.mjs", "--public-url", "https://entitlements.acme.test"], { cwd: copy });
      const version = JSON.parse(readFileSync(path.join(copy, "stripe-app.json"), "utf8")).version;

      const failed = upload(1);
      await expect(failed).rejects.toMatchObject({ stderr: expect.stringContaining("nothing recorded") });
      expect(existsSync(record())).toBe(false);

      const first = await upload();
      expect(first.stderr).not.toContain("Warning");
      expect(JSON.parse(readFileSync(record(), "utf8")).version).toBe(version);

      const second = await upload();
      expect(second.stderr).toContain(`Warning: version ${version} is the version of the last successful upload`);
      expect(cliCalls()).toEqual(["apps upload", "apps upload", "apps upload"]);
    }, 120_000);
  });
});
