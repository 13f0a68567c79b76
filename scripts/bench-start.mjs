// Benchmark: time from `next start` to the first answered API request, on a fresh
// embedded database (so it includes creating, migrating and seeding PGlite) and on a
// reopened one; then the host's idle RSS. Needs a build (npm run build). Prints figures;
// asserts nothing. Usage: node scripts/bench-start.mjs [runs=3]
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { root } from "./lib.mjs";

const runs = Number(process.argv[2] ?? 3);
const DEMO_SECRET = "absec_demo_sandbox_only";

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function signedHeaders() {
  const payload = JSON.stringify({ user_id: "usr_Bench", account_id: "acct_DemoLinked" });
  return {
    "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_SECRET }),
    "Stripe-User-Id": "usr_Bench",
    "Stripe-Account-Id": "acct_DemoLinked",
  };
}

/** RSS of a process and all its descendants, in MB. */
function treeRssMb(pid) {
  const children = (p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
    stack.push(...children(p));
  }
  return kb / 1024;
}

async function startAndMeasure(pgliteDir) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "--port", String(port)], {
    cwd: root,
    env: { ...process.env, PGLITE_DIR: pgliteDir, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/api/trpc/getCustomer?input=${encodeURIComponent(JSON.stringify({ stripeCustomerId: "cus_DemoFull" }))}`;
  let firstAnswerMs;
  for (;;) {
    try {
      const res = await fetch(url, { headers: signedHeaders() });
      if (res.ok) {
        firstAnswerMs = performance.now() - started;
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const idleRssMb = treeRssMb(child.pid);
  child.kill("SIGTERM");
  await new Promise((r) => child.on("exit", r));
  return { firstAnswerMs, idleRssMb };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fresh = [];
const reopened = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), "stigg-bench-"));
  fresh.push(await startAndMeasure(path.join(dir, "pglite")));
  reopened.push(await startAndMeasure(path.join(dir, "pglite")));
  rmSync(dir, { recursive: true, force: true });
}
const show = (label, xs) =>
  console.log(
    `${label}: start -> first answered request median ${median(xs.map((x) => x.firstAnswerMs)).toFixed(0)} ms ` +
      `(runs: ${xs.map((x) => x.firstAnswerMs.toFixed(0)).join(", ")}); idle RSS median ${median(xs.map((x) => x.idleRssMb)).toFixed(0)} MB`,
  );
show("fresh embedded database (create + migrate + seed)", fresh);
show("reopened embedded database", reopened);
