import { afterAll, beforeAll } from "vitest";
import { createFreshDatabase } from "./freshDatabase";

/**
 * Points the app's own store at a fresh database for this test file and opens it the way
 * the server does (migrate, seed). Must run before anything reads the configuration.
 */
export function useAppWithFreshDatabase() {
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    delete process.env.STRIPE_APP_SECRET;
    delete process.env.DATABASE_URL;
    delete process.env.PGLITE_DIR;
    process.env.LOG_LEVEL = "silent";
    const fresh = await createFreshDatabase();
    Object.assign(process.env, fresh.env);
    drop = fresh.drop;
    const { getStore } = await import("@/server/db/client");
    await getStore();
  });
  afterAll(async () => {
    const { closeStore } = await import("@/server/db/client");
    await closeStore();
    await drop();
  });
}
