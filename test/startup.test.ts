import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/** Starts the server's start-up step in a child process, as `next start` would. */
async function start(env: Record<string, string>) {
  try {
    await run("npx", ["tsx", "-e", "import('./src/server/startup.ts').then((m) => m.startServer())"], {
      env: { ...process.env, ...env, PGLITE_DIR: "/nonexistent-must-not-be-opened" },
      timeout: 30_000,
    });
    return { code: 0, stderr: "" };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
}

describe("the server refuses to start with an unsafe configuration", () => {
  it("refuses live mode with the demo secret, naming the variable", async () => {
    const { code, stderr } = await start({
      STRIPE_APP_SECRET: "absec_demo_sandbox_only",
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    });
    expect(code).toBe(1);
    expect(stderr).toContain("STRIPE_APP_SECRET: the demo secret is for sandbox mode only");
  });

  it("refuses live mode without an encryption key", async () => {
    const { code, stderr } = await start({ STRIPE_APP_SECRET: "absec_real_app_secret" });
    expect(code).toBe(1);
    expect(stderr).toContain("ENCRYPTION_KEYS");
    expect(stderr).not.toContain("absec_real_app_secret");
  });

  it("refuses live mode without a webhook signing secret, naming the variable", async () => {
    const { code, stderr } = await start({
      STRIPE_APP_SECRET: "absec_real_app_secret",
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    });
    expect(code).toBe(1);
    expect(stderr).toContain("STRIPE_WEBHOOK_SECRET: live mode");
  });

  it("refuses the demo secret as the previous secret, naming the variable", async () => {
    const { code, stderr } = await start({
      STRIPE_APP_SECRET: "absec_real_app_secret",
      STRIPE_APP_SECRET_PREVIOUS: "absec_demo_sandbox_only",
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    });
    expect(code).toBe(1);
    expect(stderr).toContain("STRIPE_APP_SECRET_PREVIOUS: the demo secret is for sandbox mode only");
  });

  it("refuses a previous secret alone, naming the variable", async () => {
    const { code, stderr } = await start({ STRIPE_APP_SECRET_PREVIOUS: "absec_old_app_secret" });
    expect(code).toBe(1);
    expect(stderr).toContain("STRIPE_APP_SECRET_PREVIOUS:");
    expect(stderr).not.toContain("absec_old_app_secret");
  });

  it("refuses a repeated encryption key id, naming the variable", async () => {
    const { code, stderr } = await start({
      STRIPE_APP_SECRET: "absec_real_app_secret",
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")},k1:${Buffer.alloc(32, 2).toString("base64")}`,
    });
    expect(code).toBe(1);
    expect(stderr).toContain("ENCRYPTION_KEYS:");
    expect(stderr).toContain("appears more than once");
  });
});
