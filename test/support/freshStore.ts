import { afterAll, beforeAll } from "vitest";
import { openStore } from "@/server/db/client";
import { createFreshDatabase } from "./freshDatabase";

export type OpenStore = Awaited<ReturnType<typeof openStore>>;

/**
 * A store of its own for this test file, opened directly (not the app's process-wide one)
 * on a fresh database, migrated, and seeded when asked. Returns a getter: the store exists
 * only once beforeAll has run.
 */
export function useFreshStore(options: { seed: boolean }): () => OpenStore {
  let store: OpenStore | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const fresh = await createFreshDatabase();
    drop = fresh.drop;
    store = await openStore({ databaseUrl: fresh.env.DATABASE_URL, pgliteDir: fresh.env.PGLITE_DIR ?? "", seed: options.seed });
  });
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });
  return () => store!;
}
