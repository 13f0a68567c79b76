// The bench's report: markdown tables, one column per store, each row with its target.
import { cpus } from "node:os";
import type { RunSettings, StoreFigures } from "./storeRun";

type Figures = { pglite?: StoreFigures; postgresql?: StoreFigures };

const n = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : "—");
const ratio = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(1)} %` : "—");

/** Per-store rows: label, target, and how to read the figure. */
export const ROWS: [string, string, (f: StoreFigures) => string][] = [
  ["First paint req/s (c=32), defaults", "", (f) => n(f.host.rps, 1)],
  ["First paint req/s (c=32), caches off", "", (f) => n(f.uncached.host.rps, 1)],
  ["First paint p50 / p99 ms, defaults", "p99 < 300 (PG)", (f) => `${n(f.host.p50)} / ${n(f.host.p99)}`],
  ["First paint p50 / p99 ms, caches off", "p99 < 300 (PG)", (f) => `${n(f.uncached.host.p50)} / ${n(f.uncached.host.p99)}`],
  ["Floor req/s (same request unsigned → 401)", "", (f) => n(f.floor.rps, 1)],
  ["Baseline req/s (bare node:http, same bytes)", "", (f) => n(f.baseline.rps, 1)],
  ["**Host / floor, defaults**", "≥ 50 % PG, ≥ 35 % PGlite", (f) => `**${ratio(f.host.rps, f.floor.rps)}**`],
  ["**Host / floor, caches off**", "≥ 50 % PG, ≥ 35 % PGlite", (f) => `**${ratio(f.uncached.host.rps, f.floor.rps)}**`],
  ["Host / baseline, defaults / caches off", "", (f) => `${ratio(f.host.rps, f.baseline.rps)} / ${ratio(f.uncached.host.rps, f.baseline.rps)}`],
  [
    "Unexpected statuses / errors under load",
    "0 / 0",
    (f) => {
      const all = [f.host, f.uncached.host, f.floor, f.baseline];
      return `${all.reduce((a, r) => a + r.unexpected, 0)} / ${all.reduce((a, r) => a + r.errors, 0)}`;
    },
  ],
  ["Host time, 3 procedures, sequential p50 / p99 ms, caches off", "< 3 (PG)", (f) => `${n(f.uncached.hostSequentialP50, 1)} / ${n(f.uncached.hostSequentialP99, 1)}`],
  ["Host time, 3 procedures, sequential p50 / p99 ms, defaults", "", (f) => `${n(f.hostSequentialP50, 1)} / ${n(f.hostSequentialP99, 1)}`],
  ["Client time, first paint, sequential p50 ms, caches off / defaults", "", (f) => `${n(f.uncached.clientSequentialP50, 1)} / ${n(f.clientSequentialP50, 1)}`],
  ["Usage rows loaded", "1,000,000", (f) => f.usageRows.toLocaleString("en-US")],
  ["Usage query uses (customer, feature, timestamp) index (EXPLAIN)", "yes", (f) => (f.usageIndexUsed ? "yes" : "**no**")],
  ["getUsageSeries client p50 / p99 ms", "p50 < 10 PG, < 20 PGlite", (f) => `${n(f.usageP50, 1)} / ${n(f.usageP99, 1)}`],
  ["getUsageSeries host time p50 ms", "", (f) => n(f.usageHostP50, 1)],
  ["Stigg first paint after start ms (process cold too)", "", (f) => n(f.stigg.firstMs)],
  ["Stigg cold first paint ms (cache cold, process warm) / upstream calls", "≤ 115", (f) => `${n(f.stigg.coldMs)} / ${f.stigg.coldCalls}`],
  ["Stigg warm first paint p50 ms / upstream calls (all runs)", "< 5", (f) => `${n(f.stigg.warmP50Ms, 1)} / ${f.stigg.warmCalls}`],
  ["Stigg 32 concurrent cold first paints p50 / max ms / upstream calls", "1 call per operation", (f) => `${n(f.stigg.burstP50Ms)} / ${n(f.stigg.burstMaxMs)} / ${f.stigg.burstCalls}`],
  ["Stripe Billing first paint after start ms (process cold too)", "", (f) => n(f.stripeBilling.firstMs)],
  ["Stripe Billing cold first paint ms / upstream calls", "2 rounds", (f) => `${n(f.stripeBilling.coldMs)} / ${f.stripeBilling.coldCalls}`],
  ["Stripe Billing warm first paint p50 ms / upstream calls (all runs)", "< 5", (f) => `${n(f.stripeBilling.warmP50Ms, 1)} / ${f.stripeBilling.warmCalls}`],
  [
    "Stripe Billing 32 concurrent cold first paints p50 / max ms / upstream calls",
    "1 call per read",
    (f) => `${n(f.stripeBilling.burstP50Ms)} / ${n(f.stripeBilling.burstMaxMs)} / ${f.stripeBilling.burstCalls}`,
  ],
  ["Host RSS idle MB", "", (f) => n(f.rssIdleMb)],
  ["Host RSS under load MB (peak), defaults / caches off", "< 300 PG, < 550 PGlite", (f) => `${n(f.rssLoadMb)} / ${n(f.uncached.rssLoadMb)}`],
];

export const CLIENT_ROWS = [
  "Extension bundle, minified / gzipped",
  "Drawer open → entitlements list, first load (cold server)",
  "Drawer open → entitlements list, later loads",
  "Drawer open → entitlements list, shared phases only, first load / later loads (median)",
] as const;

function bundleFigure(output: string): string {
  const m = /([\d.]+ KiB) minified.*?([\d.]+ KiB) gzipped/.exec(output);
  return m ? `${m[1]} / ${m[2]}` : "not measured (bundle failed)";
}

interface PhaseRow {
  label: string;
  shared: boolean;
  first: number;
  median: number;
}
interface Phases {
  loads: number;
  table: PhaseRow[];
  firstShared: number;
  medianShared: number;
}

/** The phase split that scripts/bench-preview.mjs prints as its PHASES_JSON line. */
function previewPhases(output: string): Phases | undefined {
  const line = /^PHASES_JSON (.*)$/m.exec(output)?.[1];
  return line ? (JSON.parse(line) as Phases) : undefined;
}

function phaseTable(phases: Phases): string[] {
  const ms = (x: number) => x.toFixed(0);
  return [
    "",
    `Drawer open → list in phases (cus_DemoFull, ${phases.loads} loads, each in a fresh browser context, so nothing is cached between loads; each phase ends at a mark set in the harness or the extension). "Shared": a real Dashboard spends it too (the extension's bundle, its renders, its request); "harness": the harness's stand-in for what the Dashboard does its own way.`,
    "",
    "| Phase | First load ms | Later loads, median ms | |",
    "|---|---|---|---|",
    ...phases.table.map((r) => `| ${r.label} | ${ms(r.first)} | ${ms(r.median)} | ${r.shared ? "shared" : "harness"} |`),
  ];
}

function previewFigures(output: string): [string, string] {
  const first = /first load \(cold server\): (\d+ ms)/.exec(output)?.[1];
  const median = /median of the other (\d+): (\d+ ms)/.exec(output);
  return [first ?? "not measured", median ? `${median[2]} (median of ${median[1]})` : "not measured"];
}

export function renderResults(input: {
  smoke: boolean;
  stiggLatencyMs: number;
  settings: RunSettings;
  figures: Figures;
  bundle: { ok: boolean; output: string };
  preview: { ok: boolean; output: string };
}): string {
  const { settings, figures } = input;
  const stores = [figures.pglite, figures.postgresql];
  const cell = (f: StoreFigures | undefined, read: (f: StoreFigures) => string) => (f ? read(f) : "not reachable");
  const lines = [
    `# Bench results${input.smoke ? " (SMOKE: 1 s of load, small data set — proves the command, figures mean nothing)" : ""}`,
    "",
    `${new Date().toISOString()} · ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}) · Node ${process.version} · load from a separate process, c=${settings.connections}, ${settings.seconds} s per phase.`,
    "Absolute figures depend on whatever else the machine runs; compare ratios within one run.",
    `Usage data: ${settings.scale.customers} customers × ${settings.scale.features} features × ${settings.scale.rowsPerSeries} rows. Stigg and Stripe Billing: their loopback stand-ins behind a proxy that makes every call take ${input.stiggLatencyMs} ms, the stand-in's own work included (it shares the bench's one thread); the sources' answer cache at its defaults.`,
    "Defaults: the host as `npm start` runs it, its read cache on (READ_CACHE_MS=10000: links, sandbox records and usage totals, dropped on any change to their rows). Caches off: a second server on the same store with READ_CACHE_MS=0, every request reading the store.",
    "",
    "| Measure | Target | PGlite | PostgreSQL |",
    "|---|---|---|---|",
    ...ROWS.map(([label, target, read]) => `| ${label} | ${target} | ${stores.map((f) => cell(f, read)).join(" | ")} |`),
    "",
    "| Client cost | Value |",
    "|---|---|",
    `| ${CLIENT_ROWS[0]} | ${input.bundle.ok ? bundleFigure(input.bundle.output) : "not measured (bundle failed)"} |`,
    ...(() => {
      const [first, median] = input.preview.ok ? previewFigures(input.preview.output) : ["not measured", "not measured"];
      const phases = input.preview.ok ? previewPhases(input.preview.output) : undefined;
      const shared = phases ? `${phases.firstShared.toFixed(0)} ms / ${phases.medianShared.toFixed(0)} ms` : "not measured";
      return [`| ${CLIENT_ROWS[1]} | ${first} |`, `| ${CLIENT_ROWS[2]} | ${median} |`, `| ${CLIENT_ROWS[3]} | ${shared} |`];
    })(),
    "",
    "Host time = the host's own log timing from the signature check to the result (the batch's calls run side by side; the slowest one is the batch).",
  ];
  const phases = input.preview.ok ? previewPhases(input.preview.output) : undefined;
  if (phases) lines.push(...phaseTable(phases));
  const plan = figures.postgresql?.usagePlan ?? figures.pglite?.usagePlan;
  if (plan) lines.push("", "Usage query plan (EXPLAIN):", "", "```", plan, "```");
  if (!input.preview.ok) lines.push("", "Drawer timing did not run:", "", "```", input.preview.output.trim().split("\n").slice(-5).join("\n"), "```");
  return `${lines.join("\n")}\n`;
}
