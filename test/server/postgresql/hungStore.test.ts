import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningServer, spawnServer, waitUntilServing } from "../../support/runningServer";
import { health, signedGetCustomer } from "../support/signedCall";
import { TcpProxy } from "./tcpProxy";
import { eventually, throwawayDatabase } from "./throwawayDatabase";

// PostgreSQL that accepts connections and never answers. Each request must end with the
// typed error after the configured timeouts (1 s here); the fetches below give up after
// 15 s, far below a wait without them (minutes: the OS's TCP timeouts).
const LIMITS = { DB_CONNECT_TIMEOUT_MS: "1000", DB_STATEMENT_TIMEOUT_MS: "1000" };

async function expectTypedError(url: string, whenCached = false) {
  // A read the host still holds from before the hang is answered from its cache until the
  // change feed's heartbeat finds the store hung (seconds); then each read asks the store.
  const api = whenCached
    ? await eventually(() => signedGetCustomer(url, "acct_DemoLinked", "cus_DemoFull", 15_000), (r) => r.status !== 200, 30_000)
    : await signedGetCustomer(url, "acct_DemoLinked", "cus_DemoFull", 15_000);
  expect(api.status).toBe(500);
  expect(api.body.error.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", correlationId: api.correlationId });
  expect(api.correlationId).toMatch(/\S{8,}/);
}

describe("PostgreSQL that accepts connections and never answers", () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let proxy: TcpProxy;
  let server: RunningServer;
  beforeAll(async () => {
    db = await throwawayDatabase();
    proxy = new TcpProxy(await freePort(), db.target);
    await proxy.set("hung");
    server = await spawnServer({ env: { DATABASE_URL: db.through(proxy.port), ...LIMITS } });
    await waitUntilServing(server, "/api/health");
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await db?.drop();
  });

  it("answers health 503 and the API's typed error instead of waiting, from the start", async () => {
    const h = await health(server.url, 15_000);
    expect(h).toMatchObject({ status: 503, body: { status: "unavailable", store: "postgresql" } });
    await expectTypedError(server.url);
  });

  it("serves once the database answers, and gives the typed error again when it hangs mid-run", async () => {
    await proxy.set("forward");
    await eventually(() => health(server.url), (r) => r.status === 200);
    expect((await signedGetCustomer(server.url, "acct_DemoLinked", "cus_DemoFull")).status).toBe(200);

    // Open pooled connections and new ones alike stop answering.
    await proxy.set("hung");
    await expectTypedError(server.url, true);
    expect((await health(server.url, 15_000)).status).toBe(503);

    await proxy.set("forward");
    await eventually(() => health(server.url), (r) => r.status === 200);
    expect((await signedGetCustomer(server.url, "acct_DemoLinked", "cus_DemoFull")).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
