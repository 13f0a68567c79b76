import { defineConfig } from "@playwright/test";
import { freePort } from "./e2e/support/freePort";

// The harness in Debian's Chromium (a downloaded browser is not available here) against
// `next start` of the production build, one server per mode on free ports, each on a
// fresh embedded database. Ports are chosen once and shared with the workers via env.
process.env.E2E_PORT ??= String(freePort());
process.env.E2E_LIVE_PORT ??= String(freePort());
const sandboxUrl = `http://127.0.0.1:${process.env.E2E_PORT}`;
const liveUrl = `http://127.0.0.1:${process.env.E2E_LIVE_PORT}`;
process.env.E2E_LIVE_URL = liveUrl;

export default defineConfig({
  testDir: "e2e",
  testIgnore: ["bench/**"],
  // The fault switch breaks the sandbox workspace for every drawer at once: one worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: "list",
  use: {
    baseURL: sandboxUrl,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: `node e2e/support/server.mjs ${process.env.E2E_PORT} sandbox`,
      url: `${sandboxUrl}/preview`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      command: `node e2e/support/server.mjs ${process.env.E2E_LIVE_PORT} live`,
      url: `${liveUrl}/`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
  ],
});
