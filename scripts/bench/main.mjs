// `npm run bench`: one command for the host's performance. Builds if the sources changed
// (plain Node, like `npm start`), then runs the bench (run.ts), which prints a markdown
// table and writes bench/RESULTS.md. BENCH_SMOKE=1: 1 s of load and a small data set.
import { build } from "../build.mjs";
import { isBuildCurrent, run } from "../lib.mjs";

if (!isBuildCurrent()) {
  console.log("Building (the sources changed since the last build)…");
  await build();
}
await run("tsx", ["scripts/bench/run.ts"]);
