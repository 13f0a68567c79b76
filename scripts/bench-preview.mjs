// Benchmark: time from opening the app drawer (the harness creating the extension's
// frame) to cus_DemoFull's entitlements list rendered, over several page loads against
// `next start` on a fresh embedded database. Prints figures; asserts nothing, and is not
// part of the test run. Needs the harness bundles and a production build:
//   node scripts/build-harness.mjs && npx next build
// Usage: node scripts/bench-preview.mjs [loads=9]
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";

const loads = Number(process.argv[2] ?? 9);
const root = path.resolve(import.meta.dirname, "..");

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [path.join(root, "e2e/support/server.mjs"), String(port), "sandbox"], {
  cwd: root,
  env: { ...process.env, LOG_LEVEL: "warn" },
  stdio: ["ignore", "ignore", "inherit"],
});

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/preview`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not start");
}

// In the page: note the first frame in which the drawer shows the entitlements list (its
// first row and the "Last refresh on" line), on the same clock as the drawer-open mark.
function watchForEntitlements() {
  if (window.top !== window || location.pathname !== "/preview") return;
  const check = (now) => {
    const text = document.querySelector('[data-testid="drawer-body"]')?.textContent ?? "";
    if (text.includes("Last refresh on") && text.includes("Active users")) window.__entitlementsRenderedAt = now;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(0)} ms`;

// The phases of "drawer open → list", each ending at a mark. `shared`: what a real Dashboard
// also spends (fetching and running the extension's bundle, its renders and its request);
// the rest is the harness standing in for the Dashboard (its frame document, its signing
// route, its renderer of the SDK's components), which Stripe does its own way.
const PHASES = [
  { end: "frameDocument", label: "frame created → sandbox document received", shared: false },
  { end: "bundleRequested", label: "→ bundle requested (the frame's process starts)", shared: false },
  { end: "bundleFetched", label: "→ extension bundle fetched", shared: true },
  { end: "bundleEvaluated", label: "→ bundle evaluated (SDK, React, views)", shared: true },
  { end: "renderCalled", label: "→ the page asks the frame to render", shared: false },
  { end: "spinner", label: "→ first render (spinner) committed", shared: true },
  { end: "signed", label: "→ signature obtained", shared: false },
  { end: "requestSent", label: "→ request sent", shared: true },
  { end: "answered", label: "→ answer received (network + host)", shared: true },
  { end: "listCommitted", label: "→ list rendered in the frame", shared: true },
  { end: "listShown", label: "→ list on the page (the harness's renderer)", shared: false },
];

// In the extension's frame: its marks and the bundle's resource timing, on the frame's clock.
function frameTimings() {
  const mark = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime;
  const bundle = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === "/preview/sandbox.js");
  return {
    timeOrigin: performance.timeOrigin,
    frameDocument: performance.getEntriesByType("navigation")[0]?.responseEnd,
    bundleRequested: bundle?.startTime,
    bundleFetched: bundle?.responseEnd,
    bundleBytes: bundle?.transferSize,
    bundleEvaluated: mark("harness:bundle-evaluated"),
    renderCalled: mark("harness:render-called"),
    spinner: mark("stigg:spinner"),
    signed: mark("stigg:signed"),
    requestSent: mark("stigg:request-sent"),
    answered: mark("stigg:answered"),
    listCommitted: mark("stigg:list"),
  };
}

/** One load's marks on the page's clock, as times since the drawer opened. */
async function phasesOf(page) {
  const onPage = await page.evaluate(() => ({
    timeOrigin: performance.timeOrigin,
    open: performance.getEntriesByName("harness:drawer-open")[0].startTime,
    listShown: window.__entitlementsRenderedAt,
  }));
  const frame = page.frames().find((f) => new URL(f.url()).pathname === "/preview/sandbox");
  if (!frame) throw new Error("the extension's frame is not on the page");
  const inFrame = await frame.evaluate(frameTimings);
  const toPage = inFrame.timeOrigin - onPage.timeOrigin;
  const at = { listShown: onPage.listShown - onPage.open };
  for (const { end } of PHASES.slice(0, -1)) {
    if (inFrame[end] === undefined) throw new Error(`the frame has no "${end}" timing`);
    at[end] = inFrame[end] + toPage - onPage.open;
  }
  return { at, bundleBytes: inFrame.bundleBytes };
}

/** Each phase's length from the times its marks were reached. */
const durations = (at) => PHASES.map((p, i) => at[p.end] - (i === 0 ? 0 : at[PHASES[i - 1].end]));

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const measured = [];
  for (let i = 0; i < loads; i++) {
    // A fresh context per load: nothing is cached between loads, the bundle included.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watchForEntitlements);
    await page.goto(`${base}/preview?account=acct_DemoLinked&customer=cus_DemoFull`);
    await page.waitForFunction(() => window.__entitlementsRenderedAt !== undefined, null, { timeout: 30_000 });
    const { at, bundleBytes } = await phasesOf(page);
    const fromNavigation = await page.evaluate(() => window.__entitlementsRenderedAt);
    measured.push({ at, phases: durations(at), fromNavigation, bundleBytes });
    console.log(`load ${i + 1}: drawer open → entitlements ${ms(at.listShown)}  (navigation → entitlements ${ms(fromNavigation)}; bundle transferred ${bundleBytes} B)`);
    await context.close();
  }
  await browser.close();
  const [first, ...warm] = measured;
  const sharedOf = (phases) => phases.reduce((sum, d, i) => sum + (PHASES[i].shared ? d : 0), 0);
  console.log(`\ncus_DemoFull, ${loads} loads, drawer open → entitlements list rendered:`);
  console.log(`  first load (cold server): ${ms(first.at.listShown)}`);
  const all = warm.map((l) => l.at.listShown);
  console.log(`  median of the other ${warm.length}: ${ms(median(all))}  (min ${ms(Math.min(...all))}, max ${ms(Math.max(...all))})`);
  console.log(`  median navigation → entitlements: ${ms(median(warm.map((l) => l.fromNavigation)))}`);
  console.log(`  shared phases (what a Dashboard also spends): first load ${ms(sharedOf(first.phases))}, median of the other ${warm.length} ${ms(median(warm.map((l) => sharedOf(l.phases))))}`);
  console.log("\nPhases (ms): first load | median of the later loads | shared with a real Dashboard");
  const table = PHASES.map((p, i) => ({
    label: p.label,
    shared: p.shared,
    first: first.phases[i],
    median: median(warm.map((l) => l.phases[i])),
  }));
  for (const row of table) console.log(`  ${row.label.padEnd(46)} ${ms(row.first).padStart(7)} ${ms(row.median).padStart(7)}  ${row.shared ? "shared" : "harness"}`);
  console.log(`PHASES_JSON ${JSON.stringify({ loads, table, firstShared: sharedOf(first.phases), medianShared: median(warm.map((l) => sharedOf(l.phases))) })}`);
} finally {
  server.kill("SIGTERM");
}
