import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/generated/prisma/client";
import { getConfig } from "../config";
import { migrate } from "./migrate";
import { seedSandbox } from "../../../prisma/seed/seed";

export type Db = PrismaClient;

interface Store {
  db: PrismaClient;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/** The embedded default: real PostgreSQL compiled to WASM, in a directory of the project. */
async function openPglite(dir: string): Promise<Store> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  const dataDir = path.resolve(dir);
  // PGlite creates its own directory but not the parents.
  await mkdir(path.dirname(dataDir), { recursive: true });
  const pg: PGlite = new PGlite(dataDir);
  const adapter = new PrismaPGlite(pg);
  const db = new PrismaClient({ adapter });
  return { db, adapter, close: async () => (await db.$disconnect(), await pg.close()) };
}

async function openPostgres(url: string): Promise<Store> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const adapter = new PrismaPg({ connectionString: url });
  const db = new PrismaClient({ adapter });
  return { db, adapter, close: () => db.$disconnect() };
}

/** Opens the store, applies pending migrations and, in sandbox mode, seeds the demo data. */
export async function openStore(options: { databaseUrl?: string; pgliteDir: string; seed: boolean }): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.pgliteDir);
  try {
    await migrate(store.adapter);
    if (options.seed) await seedSandbox(store.db);
    return store;
  } catch (err) {
    await store.close();
    throw err;
  }
}

// One store per process, kept on globalThis so `next dev` reloads reuse it.
const holder = globalThis as unknown as { __stiggStore?: Promise<Store> };

export function getStore(): Promise<Store> {
  if (!holder.__stiggStore) {
    const config = getConfig();
    holder.__stiggStore = openStore({
      databaseUrl: config.databaseUrl,
      pgliteDir: config.pgliteDir,
      seed: config.mode === "sandbox",
    });
    // A failed open must not be cached: the next request tries again.
    holder.__stiggStore.catch(() => (holder.__stiggStore = undefined));
  }
  return holder.__stiggStore;
}

export async function getDb(): Promise<Db> {
  return (await getStore()).db;
}

export async function closeStore(): Promise<void> {
  const store = holder.__stiggStore;
  holder.__stiggStore = undefined;
  if (store) await (await store).close();
}
