import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";
import { installSandbox } from "./support/sandboxInstall";
import { health, signedGetCustomer } from "./support/signedCall";

// `kill -9` while installs are being written: the lock it leaves must not block the next
// start, and every install the server acknowledged must still be there.
describe("the embedded database after the server is killed mid-write", () => {
  const data = tempDataDir();
  const pgliteDir = path.join(data.dir, "pglite");
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it("restarts past the stale lock with every acknowledged install kept", async () => {
    server = await spawnServer({ env: { PGLITE_DIR: pgliteDir } });
    await waitUntilServing(server, "/api/health");
    const first = server;

    const acknowledged: string[] = [];
    let stopped = false;
    const installer = async (worker: number) => {
      for (let i = 0; !stopped; i++) {
        const account = `acct_Crash${worker}x${i}`;
        try {
          if (await installSandbox(first.url, account)) acknowledged.push(account);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = [1, 2, 3].map(installer);
    while (acknowledged.length < 6) await new Promise((r) => setTimeout(r, 50));
    // Installs are in flight on every worker when the server dies.
    await first.stop("SIGKILL");
    stopped = true;
    await Promise.all(workers);
    expect(existsSync(`${pgliteDir}.lock`)).toBe(true);

    server = await spawnServer({ env: { PGLITE_DIR: pgliteDir } });
    await waitUntilServing(server, "/api/health");
    expect((await health(server.url)).status).toBe(200);
    for (const account of acknowledged) {
      const res = await signedGetCustomer(server.url, account, "cus_DemoFull");
      expect({ account, status: res.status, linked: res.body.result?.data?.linked }).toEqual({ account, status: 200, linked: true });
    }
  });
});
