import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { NO_FILTERS, openSchemaEngine, readMigrations } from "./schemaEngine";

/**
 * The factory, handing out adapters that are disposed when the engine is done. Freeing
 * the engine does not close its PostgreSQL connection, which holds Prisma's migration
 * advisory lock: left open, the next migration of the database (a retry, another host)
 * waits for it until the pool's idle timeout.
 */
function disposedAfterUse(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const keep = async (adapter: Promise<SqlDriverAdapter>) => {
    opened.push(await adapter);
    return opened.at(-1)!;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => keep(factory.connect()),
    connectToShadowDb: () => keep(factory.connectToShadowDb()),
  };
  return { tracked, dispose: () => Promise.allSettled(opened.map((a) => a.dispose())) };
}

/**
 * Applies the committed migrations that the database has not seen, like
 * `prisma migrate deploy` (same `_prisma_migrations` history), without the native engine.
 */
export async function migrate(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const { tracked, dispose } = disposedAfterUse(adapter);
  const engine = await openSchemaEngine(tracked);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
    await dispose();
  }
}
