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

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const fromOpen = [];
  const fromNavigation = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watchForEntitlements);
    await page.goto(`${base}/preview?account=acct_DemoLinked&customer=cus_DemoFull`);
    await page.waitForFunction(() => window.__entitlementsRenderedAt !== undefined, null, { timeout: 30_000 });
    const { open, rendered } = await page.evaluate(() => ({
      open: performance.getEntriesByName("harness:drawer-open")[0].startTime,
      rendered: window.__entitlementsRenderedAt,
    }));
    fromOpen.push(rendered - open);
    fromNavigation.push(rendered);
    console.log(`load ${i + 1}: drawer open → entitlements ${ms(rendered - open)}  (navigation → entitlements ${ms(rendered)})`);
    await context.close();
  }
  await browser.close();
  const warm = fromOpen.slice(1);
  console.log(`\ncus_DemoFull, ${loads} loads, drawer open → entitlements list rendered:`);
  console.log(`  first load (cold server): ${ms(fromOpen[0])}`);
  console.log(`  median of the other ${warm.length}: ${ms(median(warm))}  (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))})`);
  console.log(`  median navigation → entitlements: ${ms(median(fromNavigation.slice(1)))}`);
} finally {
  server.kill("SIGTERM");
}
