import { describe, expect, it } from "vitest";
import { runStages, stageCounts, summary, type Stage } from "../../scripts/stages.mjs";

/*
 * `npm test` runs every stage whatever failed before it, and its closing line adds up all
 * of them, counting what could not run as failed.
 */
const stage = (name: string, counts: { passed: number; failed: number } | undefined, known = 7): Stage & { ran: () => boolean } => {
  let ran = false;
  return {
    name,
    known: () => known,
    run: async () => ((ran = true), counts),
    ran: () => ran,
  };
};

describe("npm test's stages", () => {
  it("all run after a failing one, and the closing line adds them up", async () => {
    const stages = [stage("types", { passed: 0, failed: 1 }), stage("unit", { passed: 40, failed: 2 }), stage("e2e", { passed: 5, failed: 0 })];
    const results = await runStages(stages);
    expect(stages.map((s) => s.ran())).toEqual([true, true, true]);
    const { passed, failed, text } = summary(results);
    expect({ passed, failed }).toEqual({ passed: 45, failed: 3 });
    expect(text.split("\n").at(-1)).toBe("All suites: 45 passed, 3 failed");
    expect(text).toMatch(/unit\s+40 passed, 2 failed/);
  });

  it("count a stage that cannot run as its known tests failed, and say why", async () => {
    let built = false;
    const build = { ...stage("build", { passed: 0, failed: 1 }, 1), run: async () => ({ passed: built ? 1 : 0, failed: built ? 0 : 1 }) };
    const server = { ...stage("server", { passed: 31, failed: 0 }, 31), blockedBy: () => (built ? undefined : "the production build failed") };
    const results = await runStages([build, server]);
    expect(server.ran()).toBe(false);
    expect(results[1]).toEqual({ name: "server", passed: 0, failed: 31, notRun: "the production build failed" });
    expect(summary(results).text).toContain("server  not run (the production build failed): 31 counted as failed");
    expect(summary(results).failed).toBe(32);
  });

  it("count a runner that stopped before reporting as its known tests failed", async () => {
    const results = await runStages([stage("e2e", undefined, 47)]);
    expect(results).toEqual([{ name: "e2e", passed: 0, failed: 47, notRun: "its runner stopped before reporting" }]);
  });

  it("run nothing when setup failed, and count every known test", async () => {
    const stages = [stage("a", { passed: 1, failed: 0 }, 3), stage("b", { passed: 1, failed: 0 }, 4)];
    const results = await runStages(stages, "setup failed (npm ci)");
    expect(stages.some((s) => s.ran())).toBe(false);
    expect(summary(results).failed).toBe(7);
  });

  it("fail a runner that exited non-zero with no failing test (a file that did not load)", () => {
    expect(stageCounts(false, { passed: 10, failed: 0 }, () => 12)).toEqual({ passed: 10, failed: 2 });
    expect(stageCounts(false, { passed: 12, failed: 0 }, () => 12)).toEqual({ passed: 12, failed: 1 });
    expect(stageCounts(false, { passed: 9, failed: 3 }, () => 12)).toEqual({ passed: 9, failed: 3 });
    expect(stageCounts(true, { passed: 12, failed: 0 }, () => 12)).toEqual({ passed: 12, failed: 0 });
  });
});
