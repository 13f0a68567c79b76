// `npm test`: every test. Type checks, unit and API tests (extension and host) on the
// embedded database, the host's store and API tests again on PostgreSQL when
// TEST_DATABASE_URL names a server (CI does), then, on a production build, the server
// tests (the real `npm start`, one at a time; those on PostgreSQL when TEST_DATABASE_URL
// is set) and the end-to-end tests in Chromium.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "./build.mjs";
import { ensureAppInstalled, generatePrismaClient, isBuildCurrent, run } from "./lib.mjs";

const reports = mkdtempSync(path.join(tmpdir(), "stigg-test-reports-"));
const totals = { passed: 0, failed: 0 };
const count = (file, read) => {
  if (!existsSync(file)) return;
  const { passed, failed } = read(JSON.parse(readFileSync(file, "utf8")));
  totals.passed += passed;
  totals.failed += failed;
};
const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + r.numPendingTests });
const playwrightCounts = (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + r.stats.skipped });

async function vitest(name, args, env = {}) {
  const out = path.join(reports, `${name}.json`);
  try {
    await run("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...args], env);
  } finally {
    count(out, vitestCounts);
  }
}

let stoppedBy;
try {
  await ensureAppInstalled();
  await generatePrismaClient();
  await run("npm", ["run", "--silent", "typecheck"]);

  // The PGlite run is the default; TEST_DATABASE_URL must not leak into it.
  await vitest("unit-and-api", ["--project", "host", "--project", "extension"], { TEST_DATABASE_URL: "" });
  if (process.env.TEST_DATABASE_URL) {
    console.log(`\nHost store and API tests again, on PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host})`);
    await vitest("host-postgresql", ["--project", "host"]);
  }

  if (!isBuildCurrent()) await build();
  await vitest("server", ["--project", "server"]);
  if (process.env.TEST_DATABASE_URL) await vitest("server-postgresql", ["--project", "server-postgresql"]);
  const e2e = path.join(reports, "e2e.json");
  try {
    await run("playwright", ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2e });
  } finally {
    count(e2e, playwrightCounts);
  }
} catch (err) {
  stoppedBy = err;
} finally {
  rmSync(reports, { recursive: true, force: true });
}
console.log(`\nAll suites: ${totals.passed} passed, ${totals.failed} failed`);
if (stoppedBy) {
  console.error(`Stopped: ${stoppedBy.message}`);
  process.exit(1);
}
