import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENT_ROWS, ROWS } from "../../scripts/bench/results";

// `npm run bench` in smoke mode (1 s of load, a small data set), only to prove that the
// command runs end to end and reports every row. Its figures are not asserted: timings
// belong in the bench, not in pass/fail tests.
const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "stigg-bench-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runBench(resultsFile: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "bench"], {
      cwd: root,
      env: { ...process.env, BENCH_SMOKE: "1", BENCH_RESULTS_FILE: resultsFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** The cells of the table row that starts with this label. */
function cellsOf(markdown: string, label: string): string[] | undefined {
  const line = markdown.split("\n").find((l) => l.startsWith(`| ${label} |`));
  return line?.split("|").slice(1, -1).map((c) => c.trim());
}

describe("npm run bench (smoke)", () => {
  it("measures every row on every store it can reach and writes the table", { timeout: 600_000 }, async () => {
    const resultsFile = path.join(dir, "RESULTS.md");
    const { code, output } = await runBench(resultsFile);
    expect(code, output).toBe(0);
    const markdown = readFileSync(resultsFile, "utf8");
    expect(markdown).toMatch(/\d+ CPUs/);
    for (const [label] of ROWS) {
      const cells = cellsOf(markdown, label);
      expect(cells, `row "${label}"`).toHaveLength(4);
      const [, , pglite, postgresql] = cells!;
      expect(pglite, label).not.toMatch(/^$|not reachable/);
      if (process.env.TEST_DATABASE_URL) expect(postgresql, label).not.toMatch(/^$|not reachable/);
    }
    for (const label of CLIENT_ROWS) {
      expect(cellsOf(markdown, label)?.[1], label).toMatch(/\d/);
    }
    // The drawer's phases, from its marks in the harness and the extension: every one reached.
    const lines = markdown.split("\n");
    const header = lines.indexOf("| Phase | First load ms | Later loads, median ms | |");
    expect(header, "the phase table").toBeGreaterThan(0);
    const end = lines.findIndex((l, i) => i > header && !l.startsWith("|"));
    const phases = lines.slice(header + 2, end === -1 ? undefined : end);
    expect(phases.length, "phases").toBeGreaterThanOrEqual(8);
    for (const row of phases) expect(row, row).toMatch(/^\| .+ \| -?\d+ \| -?\d+ \| (shared|harness) \|$/);
  });
});
