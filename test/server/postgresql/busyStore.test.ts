import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningServer, spawnServer, waitUntilServing } from "../../support/runningServer";
import { postConnect } from "../support/connectForm";
import { health, signedGetCustomer } from "../support/signedCall";
import { TcpProxy } from "./tcpProxy";
import { eventually, throwawayDatabase } from "./throwawayDatabase";

// A store that is busy is not a store that is down: with a table locked and requests
// queued behind it, health still answers 200 (saying "busy"), requests that cannot get a
// connection within ~2 s get a typed "busy, retry" error, and the rest go on once the
// lock is gone. A store lost while running is worded as the database being unavailable.
describe("PostgreSQL busy, then lost, while the host runs", () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let proxy: TcpProxy;
  let server: RunningServer;
  beforeAll(async () => {
    db = await throwawayDatabase();
    proxy = new TcpProxy(await freePort(), db.target);
    await proxy.set("forward");
    server = await spawnServer({
      command: "next start",
      env: { DATABASE_URL: db.through(proxy.port), DB_POOL_MAX: "2", READ_CACHE_MS: "0", DB_STATEMENT_TIMEOUT_MS: "30000" },
    });
    await waitUntilServing(server, "/api/health");
    await eventually(() => health(server.url), (r) => r.status === 200);
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await db?.drop();
  });

  it("answers health 200 'busy' while every connection waits on a lock, and tells queued requests to retry", async () => {
    const locker = new pg.Client({ connectionString: db.url.toString() });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE stripe_account_link IN ACCESS EXCLUSIVE MODE");
      const settled: Awaited<ReturnType<typeof signedGetCustomer>>[] = [];
      const calls = Array.from({ length: 12 }, () =>
        signedGetCustomer(server.url, "acct_DemoLinked", "cus_DemoFull", 60_000).then((a) => (settled.push(a), a)),
      );
      const busy = await eventually(() => health(server.url), (r) => (r.body as { status: string }).status === "busy", 30_000);
      expect(busy).toMatchObject({ status: 200, body: { status: "busy", store: "postgresql" } });
      // Those that found no connection within the bound are told to retry while the lock still holds.
      await eventually(async () => settled, (s) => s.some((a) => a.status === 503), 30_000);
      await locker.query("COMMIT");
      const answers = await Promise.all(calls);
      const retry = answers.filter((a) => a.status === 503);
      expect(retry.length).toBeGreaterThan(0);
      for (const a of retry) {
        expect(a.body.error.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", correlationId: a.correlationId });
        expect(a.body.error.message).toMatch(/database is busy/);
      }
      expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    } finally {
      await locker.end().catch(() => {});
    }
    await eventually(() => health(server.url), (r) => (r.body as { status: string }).status === "ok");
    expect((await signedGetCustomer(server.url, "acct_DemoLinked", "cus_DemoFull")).status).toBe(200);
  });

  it("says the app's database is unavailable on the API and on /connect once the store is lost", async () => {
    await proxy.set("closed");
    const api = await eventually(
      () => signedGetCustomer(server.url, "acct_DemoLinked", "cus_DemoFull", 30_000),
      (r) => r.status !== 200,
      30_000,
    );
    expect(api.status).toBe(500);
    expect(api.body.error.message).toMatch(/The app's database is unavailable/);
    expect(api.body.error.data.correlationId).toBe(api.correlationId);

    const location = await postConnect(server);
    expect(location).toContain("error=store_unavailable");
    const page = await (await fetch(new URL(location, server.url))).text();
    expect(page).toMatch(/The app(&#x27;|')s database is unavailable/);
    expect((await health(server.url)).status).toBe(503);
    await proxy.set("forward");
  });
});
