// How `npm test` runs its stages and adds them up (scripts/test.mjs says which stages).
// Every stage runs even when an earlier one failed, so one failure never hides the rest.

/**
 * A runner's counts, given whether it exited cleanly. A runner that failed without a
 * failing test (a file that did not load, an unhandled error, a web server that did not
 * start) still fails its stage: what it did not pass of its known tests counts as failed.
 */
export function stageCounts(ok, counts, known) {
  if (ok || counts.failed > 0) return counts;
  return { passed: counts.passed, failed: Math.max(1, known() - counts.passed) };
}

/**
 * Runs each stage in order. A stage `{ name, run, known, blockedBy? }` runs unless setup
 * failed or `blockedBy()` names a reason; `run()` resolves to its counts, or undefined when
 * its runner stopped before reporting. A stage that did not run owes `known()` failures.
 */
export async function runStages(stages, setupError) {
  const results = [];
  for (const stage of stages) {
    const blocked = setupError ?? stage.blockedBy?.();
    const counts = blocked ? undefined : await stage.run();
    results.push(
      counts
        ? { name: stage.name, ...counts }
        : { name: stage.name, passed: 0, failed: stage.known(), notRun: blocked ?? "its runner stopped before reporting" },
    );
  }
  return results;
}

/** Each stage's line, then the closing `N passed, N failed` line over all of them. */
export function summary(results) {
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const width = Math.max(...results.map((r) => r.name.length)) + 2;
  const lines = results.map(
    (r) => `  ${r.name.padEnd(width)}${r.notRun ? `not run (${r.notRun}): ${r.failed} counted as failed` : `${r.passed} passed, ${r.failed} failed`}`,
  );
  return { passed, failed, text: ["Stages:", ...lines, "", `All suites: ${passed} passed, ${failed} failed`].join("\n") };
}
