// Everything measured against one store: prepare it, start the server on it, then first
// paint (host, floor, baseline), the host's own timings, usage series at scale, the Stigg
// source, and memory.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hostTimings } from "./hostTimings";
import { load, type LoadResult } from "./load";
import { FULL as STIGG_FULL } from "../../test/sources/stigg/fixture";
import { BILLING_ACCOUNTS, prepareStore, STIGG_ACCOUNTS, usageCustomer, usageFeature, type UsageScale } from "./prepare";
import { firstPaintPath, getBatch, percentile, signedHeaders, usageSeriesPath } from "./requests";
import { type BenchServer, freePort, startServer } from "./server";
import { benchSource, type SourceFigures } from "./sourcePaints";

/** The first paint on a server with its read caches off (READ_CACHE_MS=0): the slow path. */
export interface UncachedFigures {
  host: LoadResult;
  hostSequentialP50: number;
  hostSequentialP99: number;
  clientSequentialP50: number;
  rssLoadMb: number;
}

export interface StoreFigures {
  uncached: UncachedFigures;
  host: LoadResult;
  floor: LoadResult;
  baseline: LoadResult;
  hostSequentialP50: number;
  hostSequentialP99: number;
  clientSequentialP50: number;
  usageRows: number;
  usageIndexUsed: boolean;
  usagePlan: string;
  usageP50: number;
  usageP99: number;
  usageHostP50: number;
  stigg: SourceFigures;
  stripeBilling: SourceFigures;
  rssIdleMb: number;
  rssLoadMb: number;
}

export interface RunSettings {
  seconds: number;
  connections: number;
  sequential: number;
  scale: UsageScale;
  stigg: { apiUrl: string; apiKey: string; forwarded: () => number };
  stripeBilling: { apiUrl: string; apiKey: string; forwarded: () => number; customer: string };
}

const LINKED = "acct_DemoLinked";
const FULL = "cus_DemoFull";
const STIGG_CUSTOMER = STIGG_FULL.stripe;

async function startBaseline(body: string, dir: string) {
  const file = path.join(dir, "first-paint.json");
  writeFileSync(file, body);
  const port = await freePort();
  const child = fork(path.join(import.meta.dirname, "baseline.mjs"), [String(port), file], { stdio: "ignore" });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the baseline server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill("SIGTERM") };
}

/** Sequential first paints (each with a correlation id to find its log lines by), then load with RSS sampled. */
async function firstPaints(server: BenchServer, settings: RunSettings, tag: string) {
  const firstPaint = server.url + firstPaintPath(FULL);
  const client: number[] = [];
  for (let i = 0; i < settings.sequential; i++) {
    const headers = { ...signedHeaders(LINKED), "X-Correlation-Id": `${tag}${String(i).padStart(5, "0")}` };
    client.push((await getBatch(firstPaint, headers)).ms);
  }
  const loadOf = () => load({ url: firstPaint, headers: signedHeaders(LINKED), connections: settings.connections, seconds: settings.seconds, expectStatus: 200 });
  // Warm-up (not recorded), then the measured run.
  await loadOf();
  let rssLoadMb = 0;
  const sampler = setInterval(() => (rssLoadMb = Math.max(rssLoadMb, server.rssMb())), 250);
  const host = await loadOf().finally(() => clearInterval(sampler));
  rssLoadMb = Math.max(rssLoadMb, server.rssMb());
  const hostSequential = hostTimings(server.logFile, tag);
  return {
    host,
    hostSequentialP50: percentile(hostSequential, 50),
    hostSequentialP99: percentile(hostSequential, 99),
    clientSequentialP50: percentile(client, 50),
    rssLoadMb,
  };
}

export async function runStore(store: { databaseUrl?: string }, settings: RunSettings): Promise<StoreFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), "stigg-bench-"));
  const pgliteDir = path.join(dir, "pglite");
  try {
    const prepared = await prepareStore({ databaseUrl: store.databaseUrl, pgliteDir, scale: settings.scale, stigg: settings.stigg, stripeBilling: settings.stripeBilling });
    const storeEnv: Record<string, string> = store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : { PGLITE_DIR: pgliteDir };
    const start = (name: string, env: Record<string, string> = {}) =>
      startServer({ env: { ...storeEnv, LOG_LEVEL: "info", ...env }, logFile: path.join(dir, `${name}.log`) });

    // The slow path first, on a server of its own: every request reads the store.
    const uncachedServer = await start("uncached", { READ_CACHE_MS: "0" });
    const uncached = await firstPaints(uncachedServer, settings, "bench-uncached-").finally(() => uncachedServer.stop());

    const server = await start("server");
    try {
      const firstPaint = server.url + firstPaintPath(FULL);
      const { body } = await getBatch(firstPaint, signedHeaders(LINKED));
      await new Promise((r) => setTimeout(r, 1_000));
      const rssIdleMb = server.rssMb();
      const paints = await firstPaints(server, settings, "bench-seq-");
      const floor = await load({ url: firstPaint, connections: settings.connections, seconds: settings.seconds, expectStatus: 401 });
      const baselineServer = await startBaseline(body, dir);
      const baseline = await load({ url: baselineServer.url, connections: settings.connections, seconds: settings.seconds, expectStatus: 200 }).finally(() =>
        baselineServer.stop(),
      );

      const usage: number[] = [];
      for (let i = 0; i < settings.sequential * 2; i++) {
        const c = (i * 7) % settings.scale.customers;
        const f = i % settings.scale.features;
        const headers = { ...signedHeaders(LINKED), "X-Correlation-Id": `bench-usage-${String(i).padStart(5, "0")}` };
        usage.push((await getBatch(server.url + usageSeriesPath(usageCustomer(c), usageFeature(f)), headers)).ms);
      }

      const stigg = await benchSource(server.url, { accounts: STIGG_ACCOUNTS, customer: STIGG_CUSTOMER, forwarded: settings.stigg.forwarded }, settings.sequential);
      const stripeBilling = await benchSource(
        server.url,
        { accounts: BILLING_ACCOUNTS, customer: settings.stripeBilling.customer, forwarded: settings.stripeBilling.forwarded },
        settings.sequential,
      );
      const usageHost = hostTimings(server.logFile, "bench-usage-");
      return {
        uncached,
        ...paints,
        floor,
        baseline,
        usageRows: prepared.usageRows,
        usageIndexUsed: /usage_record_customer_id_feature_id_timestamp_idx/.test(prepared.usagePlan),
        usagePlan: prepared.usagePlan,
        usageP50: percentile(usage, 50),
        usageP99: percentile(usage, 99),
        usageHostP50: percentile(usageHost, 50),
        stigg,
        stripeBilling,
        rssIdleMb,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
