import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";
import { signedGetCustomer } from "./support/signedCall";

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

/** An npm script with this file's embedded directory, in sandbox mode; never throws. */
async function npmRun(pgliteDir: string, ...args: string[]) {
  const { STRIPE_APP_SECRET: _s, DATABASE_URL: _d, ...env } = process.env;
  try {
    const { stdout, stderr } = await exec("npm", ["run", "--silent", ...args], {
      cwd: root,
      env: { ...env, PGLITE_DIR: pgliteDir, LOG_LEVEL: "warn" },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The process group of `pid`: tells whose process a refusal names. */
async function processGroupOf(pid: number): Promise<number> {
  const { stdout } = await exec("ps", ["-o", "pgid=", "-p", String(pid)]);
  return Number(stdout.trim());
}

const namedPid = (text: string) => Number(/in use by process (\d+)/.exec(text)?.[1]);

// The embedded database has one owner: the running server. Nothing else opens it.
describe("one owner for the embedded database", () => {
  const data = tempDataDir();
  const pgliteDir = path.join(data.dir, "pglite");
  let owner: RunningServer;
  beforeAll(async () => {
    owner = await spawnServer({ env: { PGLITE_DIR: pgliteDir } });
    await waitUntilServing(owner, "/api/health");
  });
  afterAll(async () => {
    await owner?.stop();
    data.remove();
  });

  it("refuses a second `npm start` on the same directory: non-zero exit naming the directory and the owner's PID", async () => {
    const second = await spawnServer({ env: { PGLITE_DIR: pgliteDir } });
    const code = await Promise.race([second.exited, new Promise((r) => setTimeout(() => r("still running"), 90_000))]);
    await second.stop();
    expect(code).not.toBe(0);
    expect(code).not.toBe("still running");
    expect(second.output()).toContain(pgliteDir);
    // Refused: it never claimed to be serving.
    expect(second.output()).not.toMatch(/\bReady\b/);
    // The owner, once it answered, did.
    expect(owner.output()).toMatch(/\bReady\b/);
    const pid = namedPid(second.output());
    expect(await processGroupOf(pid)).toBe(owner.child.pid);
    // The owner is untouched and still serves its data.
    expect((await signedGetCustomer(owner.url, "acct_DemoLinked", "cus_DemoFull")).body.result.data.linked).toBe(true);
  });

  it.each([
    ["unlink", ["unlink", "--", "acct_DemoLinked"]],
    ["db:seed", ["db:seed"]],
  ])("refuses `npm run %s` while the server runs, changing nothing", async (_name, args) => {
    const cli = await npmRun(pgliteDir, ...args);
    expect(cli.code).not.toBe(0);
    expect(cli.stdout).not.toContain("Unlinked");
    expect(cli.stdout).not.toContain("rewritten");
    expect(cli.stderr).toContain(pgliteDir);
    expect(await processGroupOf(namedPid(cli.stderr))).toBe(owner.child.pid);
    expect((await signedGetCustomer(owner.url, "acct_DemoLinked", "cus_DemoFull")).body.result.data.linked).toBe(true);
  });

  it("runs the CLI once the server is stopped, and the restarted server sees its change", async () => {
    await owner.stop();
    const cli = await npmRun(pgliteDir, "unlink", "--", "acct_DemoLinked");
    expect(cli).toMatchObject({ code: 0, stdout: expect.stringContaining("Unlinked acct_DemoLinked") });
    owner = await spawnServer({ env: { PGLITE_DIR: pgliteDir } });
    await waitUntilServing(owner, "/api/health");
    const after = await signedGetCustomer(owner.url, "acct_DemoLinked", "cus_DemoFull");
    expect(after.status).toBe(200);
    expect(after.body.result.data.linked).toBe(false);
  });
});
