import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/server/db/sql";
import { backend } from "../support/freshDatabase";
import { useFreshStore } from "../support/freshStore";

/*
 * The request path's direct reader (sql.ts) on the real store of this run: parameters,
 * UTC timestamps whatever the process's zone, named statements run again and again, and
 * a failed statement leaving the connection usable.
 */
const zone = process.env.TZ;
// A zone far from UTC: a reader that rendered or parsed local time would be hours off.
beforeAll(() => void (process.env.TZ = "America/New_York"));
afterAll(() => void (process.env.TZ = zone));
const opened = useFreshStore({ seed: true });

describe(`the direct reader (${backend})`, () => {
  it("passes every value as a parameter and reads the types back", async () => {
    const quote = "O'Brien; DROP TABLE customer; --";
    const [row] = await opened().sql.rows<{ text: string; flag: boolean; nothing: null; n: number }>(
      sql`SELECT ${quote}::text AS text, ${true}::boolean AS flag, ${null}::text AS nothing, ${41}::int + 1 AS n`,
    );
    expect(row).toEqual({ text: quote, flag: true, nothing: null, n: 42 });
  });

  it("reads a timestamp as the instant Prisma wrote, and compares Date parameters in UTC", async () => {
    const customer = await opened().db.customer.findFirstOrThrow({ where: { billingId: "cus_DemoFull" } });
    const read = (at: Date) =>
      opened().sql.rows<{ createdAt: Date; before: boolean }>(
        sql`SELECT created_at AS "createdAt", created_at < ${at} AS before FROM customer WHERE id = ${customer.id}`,
      );
    const [row] = await read(new Date(customer.createdAt.getTime() + 1));
    expect(row!.createdAt.toISOString()).toBe(customer.createdAt.toISOString());
    expect(row!.before).toBe(true);
    const [same] = await read(customer.createdAt);
    expect(same!.before).toBe(false);
  });

  it("runs one call site many times, and goes on after a statement that failed", async () => {
    const divide = (by: number) => opened().sql.rows<{ q: number }>(sql`SELECT 10 / ${by}::int AS q`);
    for (const by of [1, 2, 5, 10, 1, 2]) expect((await divide(by))[0]!.q).toBe(10 / by);
    await expect(divide(0)).rejects.toThrow(/division by zero/);
    expect((await divide(5))[0]!.q).toBe(2);
    await expect(opened().sql.rows(sql`SELECT * FROM no_such_table`)).rejects.toThrow(/no_such_table/);
    expect((await divide(2))[0]!.q).toBe(5);
  });

  it("never reads inside another caller's open transaction", async () => {
    const customer = await opened().db.customer.findFirstOrThrow({ where: { billingId: "cus_DemoFull" } });
    const nameOf = async () =>
      (await opened().sql.rows<{ name: string }>(sql`SELECT name FROM customer WHERE id = ${customer.id}`))[0]!.name;
    let readDuring: Promise<string> | undefined;
    await opened().db.$transaction(async (tx) => {
      await tx.customer.update({ where: { id: customer.id }, data: { name: "Uncommitted name" } });
      readDuring = nameOf();
      // Give the read every chance to run before the transaction ends.
      await new Promise((r) => setTimeout(r, 50));
      throw new Error("roll back");
    }).catch(() => {});
    expect(await readDuring).toBe(customer.name);
  });

  // PGlite has no server to end its connections.
  if (backend === "postgresql") {
    it("goes on after the server ends its idle connections (a restart, a failover)", async () => {
      const one = () => opened().sql.rows<{ one: number }>(sql`SELECT 1 AS one`);
      await Promise.all([one(), one(), one()]);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [new URL(opened.databaseUrl()!).pathname.slice(1)],
        );
        expect(rows.length).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, 200));
      expect((await one())[0]!.one).toBe(1);
    });
  }
});
