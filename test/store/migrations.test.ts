import { readdir, readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { MIGRATIONS_DIR } from "@/server/db/schemaEngine";
import { seedSandbox } from "../../prisma/seed/seed";
import { backend, createFreshDatabase } from "../support/freshDatabase";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyStore(seed = false) {
  const fresh = await createFreshDatabase();
  cleanups.push(fresh.drop);
  const store = await openStore({ databaseUrl: fresh.env.DATABASE_URL, pgliteDir: fresh.env.PGLITE_DIR ?? "", seed });
  cleanups.push(() => store.close());
  return store;
}

describe(`migrations (${backend})`, () => {
  it("apply to an empty database, record Prisma's history, and are a no-op the second time", async () => {
    const store = await emptyStore();
    const committed = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const history = await store.db.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(history.map((h) => h.migration_name)).toEqual(committed);
    for (const h of history) {
      // The checksum Prisma's CLI computes, so a connected machine sees the same history.
      const sql = await readFile(`${MIGRATIONS_DIR}/${h.migration_name}/migration.sql`);
      expect(h.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(h.finished_at).not.toBeNull();
    }
    expect(await migrate(store.adapter)).toEqual([]);
    const tables = await store.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["customer", "entitlement_grant", "oauth_state", "stripe_account_link", "usage_record", "workspace"]),
    );
  });

  it("seeds once: a second seed changes nothing, a replacing seed keeps every link", async () => {
    const store = await emptyStore(true);
    const count = () => Promise.all([store.db.customer.count(), store.db.usageRecord.count(), store.db.stripeAccountLink.count()]);
    const first = await count();
    expect(first[0]).toBe(5);
    expect(first[1]).toBeGreaterThan(100);
    expect(await seedSandbox(store.db)).toBe(false);
    expect(await count()).toEqual(first);

    await store.db.stripeAccountLink.create({
      data: { stripeAccountId: "acct_LinkedByOAuth", livemode: true, workspaceId: "ws_sandbox", scope: "stripe_apps" },
    });
    expect(await seedSandbox(store.db, { replace: true })).toBe(true);
    const after = await count();
    expect(after[0]).toBe(first[0]);
    expect(after[2]).toBe(first[2] + 1);
  });
});
