import { afterAll, beforeAll } from "vitest";
import { openStore } from "@/server/db/client";
import { createFreshDatabase } from "./freshDatabase";

export type OpenStore = Awaited<ReturnType<typeof openStore>>;

/**
 * A store of its own for this test file, opened directly (not the app's process-wide one)
 * on a fresh database, migrated, and seeded when asked. Returns a getter: the store exists
 * only once beforeAll has run; so does its database's URL (PostgreSQL only).
 */
export function useFreshStore(options: { seed: boolean }): (() => OpenStore) & { databaseUrl(): string | undefined } {
  let store: OpenStore | undefined;
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  beforeAll(async () => {
    const fresh = await createFreshDatabase();
    drop = fresh.drop;
    databaseUrl = fresh.env.DATABASE_URL;
    store = await openStore({ databaseUrl: fresh.env.DATABASE_URL, pgliteDir: fresh.env.PGLITE_DIR ?? "", seed: options.seed });
  });
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });
  return Object.assign(() => store!, { databaseUrl: () => databaseUrl });
}
