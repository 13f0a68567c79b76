import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningServer, spawnServer, waitUntilServing } from "../../support/runningServer";
import { redirected, submitConnect } from "../support/sandboxInstall";
import { health, signedGetCustomer } from "../support/signedCall";
import { TcpProxy } from "./tcpProxy";
import { eventually, throwawayDatabase } from "./throwawayDatabase";

// PostgreSQL that is not there when the host starts (a database that boots after the app,
// a network that comes up late): the host serves typed errors meanwhile, then connects,
// migrates and seeds by itself, without a restart.
describe("PostgreSQL that comes up after the host", () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let proxy: TcpProxy;
  let server: RunningServer;
  beforeAll(async () => {
    db = await throwawayDatabase();
    proxy = new TcpProxy(await freePort(), db.target);
    server = await spawnServer({
      env: { DATABASE_URL: db.through(proxy.port), DB_CONNECT_TIMEOUT_MS: "1000", DB_STATEMENT_TIMEOUT_MS: "1000" },
    });
    await waitUntilServing(server, "/api/health");
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await db?.drop();
  });

  it("serves typed errors with a correlation id while the database refuses connections", async () => {
    const h = await health(server.url);
    expect(h).toMatchObject({ status: 503, body: { status: "unavailable", store: "postgresql" } });
    expect(h.correlationId).toMatch(/\S{8,}/);

    const api = await signedGetCustomer(server.url, "acct_DemoLinked", "cus_DemoFull");
    expect(api.status).toBe(500);
    expect(api.body.error.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", correlationId: api.correlationId });
    expect(api.body.error.message).toMatch(/^The app's database is unavailable right now\./);
    expect(api.correlationId).toMatch(/\S{8,}/);
  });

  it("says so on the connect page, with nothing saved", async () => {
    const back = redirected(await submitConnect(server.url, "acct_LateStore"));
    expect(back.pathname).toBe("/connect");
    const page = await (await fetch(`${server.url}${back.pathname}${back.search}`)).text();
    expect(page).toContain("database is unavailable right now");
  });

  it("connects, migrates and seeds as soon as the database is reachable, in the same process", async () => {
    await proxy.set("forward");
    const h = await eventually(() => health(server.url), (r) => r.status === 200);
    expect(h.body).toEqual({ status: "ok", store: "postgresql" });
    const api = await signedGetCustomer(server.url, "acct_DemoLinked", "cus_DemoFull");
    expect(api.status).toBe(200);
    expect(api.body.result.data).toMatchObject({ linked: true, customer: { stripeCustomerId: "cus_DemoFull" } });
    expect(server.child.exitCode).toBeNull();
  });
});
