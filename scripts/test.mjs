// `npm test`: every test. Type checks, unit and API tests (extension and host) on the
// embedded database, the host's store and API tests again on PostgreSQL when
// TEST_DATABASE_URL names a server (CI does), then, on a production build, the server
// tests (the real `npm start`, one at a time; those on PostgreSQL when TEST_DATABASE_URL
// is set) and the end-to-end tests in Chromium.
//
// Every stage runs even when an earlier one failed (scripts/stages.mjs). A stage that
// cannot run (its build failed, its runner crashed before reporting) counts its tests,
// listed without running them, as failed. Any failure fails the command.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "./build.mjs";
import { ensureAppInstalled, generatePrismaClient, isBuildCurrent, root, run } from "./lib.mjs";
import { runStages, stageCounts, summary } from "./stages.mjs";

const reports = mkdtempSync(path.join(tmpdir(), "stigg-test-reports-"));
const postgres = Boolean(process.env.TEST_DATABASE_URL);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined);

/** What a stage's runner would run, without running it: the count a stage that cannot run owes. */
function listed(command, args, parse) {
  try {
    return parse(execFileSync(bin(command), args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 }));
  } catch {
    return 1;
  }
}
const vitestListed = (projects) => () => {
  const out = path.join(reports, `list-${projects.join("-")}.json`);
  listed("vitest", ["list", ...projects.flatMap((p) => ["--project", p]), `--json=${out}`], () => 0);
  return readJson(out)?.length ?? 1;
};
const playwrightListed = () => listed("playwright", ["test", "--list"], (text) => Number(/Total: (\d+) tests?/.exec(text)?.[1] ?? 1));

/** A runner's counts from its JSON report, or undefined when it never wrote one. */
async function report(command, args, env, out, counts, known) {
  const ok = await run(command, args, env).then(
    () => true,
    () => false,
  );
  const r = readJson(out);
  return r && stageCounts(ok, counts(r), known);
}

/** A stage of vitest projects. */
function vitestStage(name, report_, projects, env = {}) {
  const out = path.join(reports, `${report_}.json`);
  const known = vitestListed(projects);
  const args = ["run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
  const counts = (r) => ({ passed: r.numPassedTests, failed: r.numTotalTests - r.numPassedTests });
  return { name, known, run: () => report("vitest", args, env, out, counts, known) };
}

function playwrightStage(name) {
  const out = path.join(reports, "e2e.json");
  const counts = (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + r.stats.skipped });
  return { name, known: playwrightListed, run: () => report("playwright", ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out }, out, counts, playwrightListed) };
}

/** A check that is not a test runner (types, the build): one test that passes or fails. */
const check = (step) => async () =>
  step().then(
    () => ({ passed: 1, failed: 0 }),
    (err) => (console.error(err.message), { passed: 0, failed: 1 }),
  );

let built = false;

const afterBuild = (stage) => ({ ...stage, blockedBy: () => (built ? undefined : "the production build failed") });
const stages = [
  { name: "types", run: check(() => run("npm", ["run", "--silent", "typecheck"])), known: () => 1 },
  // The PGlite run is the default; TEST_DATABASE_URL must not leak into it.
  vitestStage("host + extension (PGlite)", "unit-and-api", ["host", "extension"], { TEST_DATABASE_URL: "" }),
  postgres && vitestStage("host (PostgreSQL)", "host-postgresql", ["host"]),
  {
    name: "production build",
    run: check(async () => {
      if (!isBuildCurrent()) await build();
      built = true;
    }),
    known: () => 1,
  },
  afterBuild(vitestStage("real server", "server", ["server"])),
  postgres && afterBuild(vitestStage("real server (PostgreSQL)", "server-postgresql", ["server-postgresql"])),
  afterBuild(playwrightStage("end to end (Chromium)")),
].filter(Boolean);

let results = [];
try {
  const setupError = await ensureAppInstalled()
    .then(generatePrismaClient)
    .then(
      () => undefined,
      (err) => `setup failed (${err.message})`,
    );
  results = await runStages(stages, setupError);
} finally {
  rmSync(reports, { recursive: true, force: true });
}
const { failed, text } = summary(results);
console.log(`\n${text}`);
process.exit(failed > 0 ? 1 : 0);
