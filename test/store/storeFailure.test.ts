import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "@/server/db/client";
import { isStoreBusy, StoreBusyError } from "@/server/db/poolWait";
import { isStoreUnavailable } from "@/server/db/storeFailure";
import { freePort } from "../support/runningServer";

// Which failures the host words as "the app's database is unavailable": the store not
// answering, however wrapped; never a statement the store answered with an error.
describe("isStoreUnavailable", () => {
  it("holds for a refused connection, as pg reports it, and for one wrapped as a cause", async () => {
    const pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${await freePort()}/x`, connectionTimeoutMillis: 2_000 });
    const err = await pool.query("SELECT 1").catch((e: unknown) => e);
    await pool.end();
    expect(isStoreUnavailable(err)).toBe(true);
    expect(isStoreUnavailable(new Error("source failed", { cause: err }))).toBe(true);
    expect(isStoreUnavailable(new StoreUnavailableError(err))).toBe(true);
  });

  it("does not hold for a statement the store refused, nor for a busy pool", async () => {
    const db = new PGlite();
    const err = await db.query("SELECT * FROM no_such_table").catch((e: unknown) => e);
    await db.close();
    expect(isStoreUnavailable(err)).toBe(false);
    expect(isStoreUnavailable(new Error("plain"))).toBe(false);
    expect(isStoreUnavailable(new StoreBusyError(2_000))).toBe(false);
    expect(isStoreBusy(new Error("wrapped", { cause: new StoreBusyError(2_000) }))).toBe(true);
  });
});
