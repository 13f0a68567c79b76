import { openStore, type Db } from "@/server/db/client";
import { backend, createFreshDatabase } from "../support/freshDatabase";

export interface TestStore {
  db: Db;
  close(): Promise<void>;
}

export interface StoreKind {
  name: string;
  open(): Promise<TestStore>;
}

/**
 * The store these suites run on: a fresh, migrated and seeded PGlite directory, or a
 * throwaway database on PostgreSQL when TEST_DATABASE_URL is set (`npm test` runs both).
 */
export const storeKinds: StoreKind[] = [
  {
    name: backend === "postgresql" ? "PostgreSQL" : "PGlite",
    async open() {
      const fresh = await createFreshDatabase();
      const store = await openStore({
        databaseUrl: fresh.env.DATABASE_URL,
        pgliteDir: fresh.env.PGLITE_DIR ?? "",
        seed: true,
      });
      return { db: store.db, close: async () => (await store.close(), await fresh.drop()) };
    },
  },
];
