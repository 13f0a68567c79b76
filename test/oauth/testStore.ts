import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore, type Db } from "@/server/db/client";

export interface TestStore {
  db: Db;
  close(): Promise<void>;
}

export interface StoreKind {
  name: string;
  open(): Promise<TestStore>;
}

/** A fresh, migrated, seeded embedded store in a temporary directory. */
const pglite: StoreKind = {
  name: "PGlite",
  async open() {
    const dir = await mkdtemp(path.join(tmpdir(), "oauth-test-"));
    const store = await openStore({ pgliteDir: path.join(dir, "pglite"), seed: true });
    return { db: store.db, close: async () => (await store.close(), await rm(dir, { recursive: true, force: true })) };
  },
};

/** A throwaway database on the PostgreSQL server at TEST_DATABASE_URL, dropped afterwards. */
function postgres(adminUrl: string): StoreKind {
  return {
    name: "PostgreSQL",
    async open() {
      const name = `test_oauth_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const store = await openStore({ databaseUrl: url.toString(), pgliteDir: "unused", seed: true });
      return {
        db: store.db,
        close: async () => {
          await store.close();
          const dropper = new pg.Client({ connectionString: adminUrl });
          await dropper.connect();
          await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await dropper.end();
        },
      };
    },
  };
}

/** Every store the suite runs against: always PGlite, and PostgreSQL when CI provides one. */
export const storeKinds: StoreKind[] = [
  pglite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];
