// The bench proper (main.mjs builds first). Per store (PGlite always; PostgreSQL when TEST_DATABASE_URL or DATABASE_URL answers,
// in a throwaway database), starts `next start` on loopback and drives it from this
// process: first paint under load against the host's floor and a bare node:http baseline,
// the host's own timings, usage series over 1,000,000 rows, the Stigg source behind a
// 50 ms proxy, memory; then the extension bundle and the drawer's open-to-list time.
// Prints a markdown table and writes it to bench/RESULTS.md. Figures are never asserted.
//
// BENCH_SMOKE=1: 1 s of load and a small data set, only to prove the command works.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { STIGG_KEY, fixture } from "../../test/sources/stigg/fixture";
import { DEMO_BILLING_CUSTOMER, DEMO_BILLING_KEY, demoBillingAccount, demoBillingKeys } from "../../src/server/dev/stripeBilling/demoAccount";
import { startStiggStandIn } from "../../test/standins/stigg";
import { startStripeBillingStandIn } from "../../test/standins/stripeBilling";
import { startDelayingProxy } from "./delayingProxy";
import { runOutput } from "./runOutput";
import { renderResults } from "./results";
import { root } from "./root";
import { runStore, type StoreFigures } from "./storeRun";
import { throwawayDatabase } from "./throwawayDatabase";

const smoke = process.env.BENCH_SMOKE === "1";
const STIGG_LATENCY_MS = 50;

const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
// The bench's own process reads the configuration (sealing the Stigg key): sandbox mode.
for (const k of ["STRIPE_APP_SECRET", "STRIPE_APP_SECRET_PREVIOUS", "DATABASE_URL", "PGLITE_DIR"]) delete process.env[k];
process.env.LOG_LEVEL = "silent";

const standIn = await startStiggStandIn([STIGG_KEY], fixture);
const proxy = await startDelayingProxy(standIn.url, STIGG_LATENCY_MS);
const billingStandIn = await startStripeBillingStandIn([demoBillingAccount(new Date())], demoBillingKeys);
const billingProxy = await startDelayingProxy(billingStandIn.url, STIGG_LATENCY_MS);
const settings = {
  seconds: smoke ? 1 : 15,
  connections: 32,
  sequential: smoke ? 10 : 100,
  scale: smoke ? { customers: 10, features: 5, rowsPerSeries: 100 } : { customers: 200, features: 5, rowsPerSeries: 1_000 },
  stigg: { apiUrl: proxy.url, apiKey: STIGG_KEY, forwarded: proxy.forwarded },
  stripeBilling: { apiUrl: billingProxy.url, apiKey: DEMO_BILLING_KEY, forwarded: billingProxy.forwarded, customer: DEMO_BILLING_CUSTOMER },
};

const figures: { pglite?: StoreFigures; postgresql?: StoreFigures } = {};
try {
  console.log("PGlite…");
  figures.pglite = await runStore({}, settings);
  const database = await throwawayDatabase(adminUrl);
  if (database) {
    console.log("PostgreSQL…");
    try {
      figures.postgresql = await runStore({ databaseUrl: database.url }, settings);
    } finally {
      await database.drop();
    }
  }
} finally {
  await proxy.close();
  await standIn.close();
  await billingProxy.close();
  await billingStandIn.close();
}

console.log("Extension bundle and drawer open → list…");
const bundle = await runOutput("npm", ["run", "--silent", "--prefix", "stripe-app", "bundle"]);
const preview = await runOutput("node", ["scripts/bench-preview.mjs", smoke ? "2" : "7"]);

const markdown = renderResults({ smoke, stiggLatencyMs: STIGG_LATENCY_MS, settings, figures, bundle, preview });
// BENCH_RESULTS_FILE: somewhere else than bench/RESULTS.md (the smoke test's run).
const resultsFile = process.env.BENCH_RESULTS_FILE || path.join(root, "bench", "RESULTS.md");
mkdirSync(path.dirname(resultsFile), { recursive: true });
writeFileSync(resultsFile, markdown);
console.log(`\n${markdown}`);
