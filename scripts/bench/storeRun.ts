// Everything measured against one store: prepare it, start the server on it, then first
// paint (host, floor, baseline), the host's own timings, usage series at scale, the Stigg
// source, and memory.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hostTimings } from "./hostTimings";
import { load, type LoadResult } from "./load";
import { prepareStore, usageCustomer, usageFeature, type UsageScale } from "./prepare";
import { firstPaintPath, getBatch, percentile, signedHeaders, usageSeriesPath } from "./requests";
import { freePort, startServer } from "./server";
import { benchStigg, type StiggFigures } from "./stigg";

export interface StoreFigures {
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
  stigg: StiggFigures;
  rssIdleMb: number;
  rssLoadMb: number;
}

export interface RunSettings {
  seconds: number;
  connections: number;
  sequential: number;
  scale: UsageScale;
  stigg: { apiUrl: string; apiKey: string; forwarded: () => number };
}

const LINKED = "acct_DemoLinked";
const FULL = "cus_DemoFull";

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

export async function runStore(store: { databaseUrl?: string }, settings: RunSettings): Promise<StoreFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), "stigg-bench-"));
  const pgliteDir = path.join(dir, "pglite");
  try {
    const prepared = await prepareStore({ databaseUrl: store.databaseUrl, pgliteDir, scale: settings.scale, stigg: settings.stigg });
    const server = await startServer({
      env: { ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : { PGLITE_DIR: pgliteDir }), LOG_LEVEL: "info" },
      logFile: path.join(dir, "server.log"),
    });
    try {
      const firstPaint = server.url + firstPaintPath(FULL);
      const { body } = await getBatch(firstPaint, signedHeaders(LINKED));
      await new Promise((r) => setTimeout(r, 1_000));
      const rssIdleMb = server.rssMb();

      // Sequential first paints, each with a correlation id to find its log lines by.
      const client: number[] = [];
      for (let i = 0; i < settings.sequential; i++) {
        const headers = { ...signedHeaders(LINKED), "X-Correlation-Id": `bench-seq-${String(i).padStart(5, "0")}` };
        client.push((await getBatch(firstPaint, headers)).ms);
      }

      const loadOf = (url: string, headers: Record<string, string> | undefined, expectStatus: number) =>
        load({ url, headers, connections: settings.connections, seconds: settings.seconds, expectStatus });
      // Warm-up (not recorded), then the host, its floor, and bare node:http serving the same bytes.
      await loadOf(firstPaint, signedHeaders(LINKED), 200);
      let rssLoadMb = 0;
      const sampler = setInterval(() => (rssLoadMb = Math.max(rssLoadMb, server.rssMb())), 250);
      const host = await loadOf(firstPaint, signedHeaders(LINKED), 200);
      clearInterval(sampler);
      rssLoadMb = Math.max(rssLoadMb, server.rssMb());
      const floor = await loadOf(firstPaint, undefined, 401);
      const baselineServer = await startBaseline(body, dir);
      const baseline = await loadOf(baselineServer.url, undefined, 200).finally(() => baselineServer.stop());

      const usage: number[] = [];
      for (let i = 0; i < settings.sequential * 2; i++) {
        const c = (i * 7) % settings.scale.customers;
        const f = i % settings.scale.features;
        const headers = { ...signedHeaders(LINKED), "X-Correlation-Id": `bench-usage-${String(i).padStart(5, "0")}` };
        usage.push((await getBatch(server.url + usageSeriesPath(usageCustomer(c), usageFeature(f)), headers)).ms);
      }

      const stigg = await benchStigg(server.url, settings.stigg.forwarded, settings.sequential);
      const hostSequential = hostTimings(server.logFile, "bench-seq-");
      const usageHost = hostTimings(server.logFile, "bench-usage-");
      return {
        host,
        floor,
        baseline,
        hostSequentialP50: percentile(hostSequential, 50),
        hostSequentialP99: percentile(hostSequential, 99),
        clientSequentialP50: percentile(client, 50),
        usageRows: prepared.usageRows,
        usageIndexUsed: /usage_record_customer_id_feature_id_timestamp_idx/.test(prepared.usagePlan),
        usagePlan: prepared.usagePlan,
        usageP50: percentile(usage, 50),
        usageP99: percentile(usage, 99),
        usageHostP50: percentile(usageHost, 50),
        stigg,
        rssIdleMb,
        rssLoadMb,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
