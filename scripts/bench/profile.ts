// `npm run bench:profile`: where the host's CPU goes during first paints under load. Starts
// `next start` under Node's `--cpu-prof` on one store (PostgreSQL when TEST_DATABASE_URL or
// DATABASE_URL is set, else PGlite), drives the drawer's first paint at c=32 from this
// process, then prints the functions and packages that took the most CPU. The .cpuprofile
// is kept for Chrome's DevTools. Options: --seconds N, --path <first-paint|floor|usage>.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { load } from "./load";
import { prepareStore, usageCustomer, usageFeature } from "./prepare";
import { firstPaintPath, signedHeaders, usageSeriesPath } from "./requests";
import { root } from "./root";
import { startServer } from "./server";
import { throwawayDatabase } from "./throwawayDatabase";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "10" }, path: { type: "string", default: "first-paint" } },
});
const seconds = Number(values.seconds);
for (const k of ["STRIPE_APP_SECRET", "STRIPE_APP_SECRET_PREVIOUS", "DATABASE_URL", "PGLITE_DIR"]) delete process.env[k];
process.env.LOG_LEVEL = "silent";

/** Where a frame's code lives: a package, Node itself, or the app. */
function owner(url: string): string {
  if (!url) return "(native / GC / idle)";
  if (url.startsWith("node:")) return "node:*";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes(".next/server")) return "app (.next/server)";
  return url.replace(`file://${root}/`, "");
}

function summarise(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)").reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const fnSelf = new Map<string, number>();
  const ownerSelf = new Map<string, number>();
  for (const [id, t] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    const key = `${functionName || "(anonymous)"} ${owner(url)}:${lineNumber + 1}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
    ownerSelf.set(owner(url), (ownerSelf.get(owner(url)) ?? 0) + t);
  }
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)} %`;
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${pct(t)}  ${k}`).join("\n");
  console.log(`\nBusy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s sampled.\n`);
  console.log(`Self time by package:\n${top(ownerSelf, 20)}\n`);
  console.log(`Self time by function:\n${top(fnSelf, 40)}\n`);
}

const dir = mkdtempSync(path.join(tmpdir(), "stigg-profile-"));
const database = await throwawayDatabase(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const store: Record<string, string> = database ? { DATABASE_URL: database.url } : { PGLITE_DIR: path.join(dir, "pglite") };
try {
  await prepareStore({
    databaseUrl: database?.url,
    pgliteDir: path.join(dir, "pglite"),
    scale: { customers: 10, features: 5, rowsPerSeries: 1_000 },
    stigg: { apiUrl: "http://127.0.0.1:9/graphql", apiKey: "unused" },
    stripeBilling: { apiUrl: "http://127.0.0.1:9/v1", apiKey: "rk_test_unused" },
  });
  const server = await startServer({
    env: { ...store, LOG_LEVEL: "info" },
    logFile: path.join(dir, "server.log"),
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  });
  const target = {
    "first-paint": { url: server.url + firstPaintPath("cus_DemoFull"), headers: signedHeaders("acct_DemoLinked"), status: 200 },
    floor: { url: server.url + firstPaintPath("cus_DemoFull"), headers: undefined, status: 401 },
    usage: { url: server.url + usageSeriesPath(usageCustomer(1), usageFeature(1)), headers: signedHeaders("acct_DemoLinked"), status: 200 },
  }[values.path!];
  if (!target) throw new Error(`--path is first-paint, floor or usage`);
  try {
    await load({ ...target, expectStatus: target.status, connections: 32, seconds: 3 });
    const result = await load({ ...target, expectStatus: target.status, connections: 32, seconds });
    console.log(`${values.path} on ${database ? "PostgreSQL" : "PGlite"}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, unexpected ${result.unexpected}`);
  } finally {
    await server.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error("the server wrote no profile");
  summarise(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile);
  console.log(`Profile: ${path.join(dir, file)} (open in Chrome DevTools → Performance).`);
} finally {
  await database?.drop();
}
