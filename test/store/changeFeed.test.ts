import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "@/server/db/client";
import { backend, createFreshDatabase } from "../support/freshDatabase";
import { freePort } from "../support/runningServer";
import { TcpProxy } from "../server/postgresql/tcpProxy";

/*
 * The store's change feed, which decides whether the request path's cached reads still
 * hold: it must move on every change, from any connection, and say "nothing holds" (null)
 * as soon as it cannot hear changes any more.
 */
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
});

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

describe(`the store's change feed (${backend})`, () => {
  if (backend === "pglite") {
    it("moves as a write returns: the store's one process hears it at once", async () => {
      const fresh = await createFreshDatabase();
      cleanup.push(fresh.drop);
      const store = await openStore({ pgliteDir: fresh.env.PGLITE_DIR!, seed: true });
      cleanup.push(() => store.close());
      const before = store.changes.generation();
      expect(before).not.toBeNull();
      await store.db.customer.updateMany({ where: { billingId: "cus_DemoFull" }, data: { name: "Renamed" } });
      expect(store.changes.generation()).not.toBe(before);
      // A read changes nothing.
      const after = store.changes.generation();
      await store.db.customer.findMany();
      expect(store.changes.generation()).toBe(after);
    });
  }

  if (backend === "postgresql") {
    it("moves on another connection's commit, goes null when the store hangs, and comes back", async () => {
      const fresh = await createFreshDatabase();
      cleanup.push(fresh.drop);
      const url = new URL(fresh.env.DATABASE_URL!);
      const proxy = new TcpProxy(await freePort(), { host: url.hostname, port: Number(url.port || 5432) });
      cleanup.push(() => proxy.close());
      await proxy.set("forward");
      const via = new URL(url);
      via.hostname = "127.0.0.1";
      via.port = String(proxy.port);
      const store = await openStore({ databaseUrl: via.toString(), pgliteDir: "", seed: true });
      cleanup.push(() => store.close());
      expect(await until(() => store.changes.generation() !== null, 5_000)).toBe(true);

      const before = store.changes.generation();
      const other = new pg.Client({ connectionString: fresh.env.DATABASE_URL });
      await other.connect();
      await other.query(`UPDATE customer SET name = 'Renamed elsewhere' WHERE billing_id = 'cus_DemoFull'`);
      await other.end();
      expect(await until(() => store.changes.generation() !== before, 2_000)).toBe(true);

      // The connection stays open and answers nothing: only the heartbeat can tell.
      await proxy.set("hung");
      expect(await until(() => store.changes.generation() === null, 5_000)).toBe(true);

      await proxy.set("forward");
      expect(await until(() => store.changes.generation() !== null, 10_000)).toBe(true);
    });
  }
});
