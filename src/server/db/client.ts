import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/generated/prisma/client";
import { type Config, getConfig } from "../config";
import { lockDirectory, StoreLockedError } from "./dirLock";
import { assertDatabaseOrEmpty, resolveStoreDir } from "./storeDir";
import { logger } from "../log/logger";
import { migrate } from "./migrate";
import { boundPoolWaits, POOL_WAIT_MS, poolSaturated } from "./poolWait";
import { reservedConnection } from "./reservedConnection";
import { type ChangeFeed, pgliteChanges, postgresChanges } from "./changeFeed";
import { pgliteReader, postgresReader, type SqlReader, utcTypes } from "./sql";
import { seedSandbox } from "../../../prisma/seed/seed";
import { seedStripeBillingDemo } from "../../../prisma/seed/stripeBilling";
import { keyringFor } from "../crypto/keyring";

export type Db = PrismaClient;
export { StoreLockedError };
export type StoreKind = "pglite" | "postgresql";

interface Store {
  kind: StoreKind;
  db: PrismaClient;
  /** The request path's reads, on the same connections without the ORM (sql.ts). */
  sql: SqlReader;
  /** Changes to the store from any process, for the request path's caches. */
  changes: ChangeFeed;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** What migrations and the seed run through: the same store, with their own limits. */
  setup: { db: PrismaClient; adapter: SqlMigrationAwareDriverAdapterFactory; done(): Promise<void> };
  /** SELECT 1 apart from the requests' queue where there is one (health.ts); "busy" when every request connection is in use. */
  probe(): Promise<"ok" | "busy">;
  close(): Promise<void>;
}

/** The store could not be opened (unreachable, hung, failed migration); the next use tries again. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The app's database is unavailable.", { cause });
    this.name = "StoreUnavailableError";
  }
}

/**
 * PGlite's buffer cache, in the process's own memory: PostgreSQL's default 128 MB is touched
 * at start and held, where the pages it caches are already in the OS's file cache. 16 MB took
 * an opened store from ~270 to ~170 MB of RSS, and the server's idle RSS from 401 to 347 MB
 * (bench/RESULTS.md), with first paint and usage series as fast as before.
 */
const PGLITE_MEMORY = ["-c", "shared_buffers=16MB"];

/**
 * The embedded default: real PostgreSQL compiled to WASM, in a directory of the project.
 * Taken under a lock first: see dirLock.ts for why one process only.
 */
async function openPglite(dir: string): Promise<Store> {
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  // One spelling per directory, so that two paths to it meet at one lock and one database.
  const dataDir = await resolveStoreDir(dir);
  const lock = lockDirectory(dataDir);
  try {
    await assertDatabaseOrEmpty(dataDir, dir);
    const pg: PGlite = new PGlite(dataDir, { startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY] });
    await pg.waitReady;
    const adapter = new PrismaPGlite(pg);
    const db = new PrismaClient({ adapter });
    const changes = await pgliteChanges(pg);
    const close = async () => {
      try {
        await changes.close();
        await db.$disconnect();
        await pg.close();
      } finally {
        lock.release();
      }
    };
    const setup = { db, adapter, done: async () => {} };
    const probe = async () => (await pg.query("SELECT 1"), "ok" as const);
    return { kind: "pglite", db, sql: await pgliteReader(pg, changes), changes, adapter, setup, probe, close };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/*
 * PostgreSQL with bounded waits: `connectionTimeoutMillis` for a server that accepts and
 * never answers the handshake, `statement_timeout` for slow statements (server side) and
 * `query_timeout` a second later for a server that stops answering (client side).
 * Migrations and the seed are not requests: they get a pool of their own whose statements
 * may run for minutes, still ended if the server stops answering.
 */
const SETUP_STATEMENT_LIMIT_MS = 5 * 60_000;
/** The health check's own connection answers SELECT 1 within this, or the store is down. */
export const HEALTH_PROBE_LIMIT_MS = 2_000;

async function openPostgres(url: string, limits: Config["db"]): Promise<Store> {
  const [{ PrismaPg }, { default: pg }] = await Promise.all([import("@prisma/adapter-pg"), import("pg")]);
  const pool = (statementMs: number, max: number) => {
    const p = new pg.Pool({
      connectionString: url,
      max,
      connectionTimeoutMillis: limits.connectTimeoutMs,
      statement_timeout: statementMs,
      query_timeout: statementMs + 1_000,
      types: utcTypes(pg.types),
    });
    // An idle connection the server ends (a restart, a failover, pg_terminate_backend) is
    // dropped from the pool; unheard, its error would end the process.
    p.on("error", (err) => logger().warn({ err }, "an idle database connection was closed by the server"));
    return p;
  };
  // One pool for the ORM and the direct reads, so the limits hold for both.
  const requests = pool(limits.statementTimeoutMs, limits.poolMax);
  boundPoolWaits(requests, limits.poolMax, POOL_WAIT_MS);
  const reserved = reservedConnection(pg.Client, { connectionString: url }, HEALTH_PROBE_LIMIT_MS);
  const adapter = new PrismaPg(requests);
  const db = new PrismaClient({ adapter });
  const setupPool = pool(SETUP_STATEMENT_LIMIT_MS, 2);
  const setupAdapter = new PrismaPg(setupPool);
  const setupDb = new PrismaClient({ adapter: setupAdapter });
  const changes = postgresChanges(pg.Client, { connectionString: url, connectionTimeoutMillis: limits.connectTimeoutMs });
  let setupOpen = true;
  const setupDone = async () => {
    if (!setupOpen) return;
    setupOpen = false;
    await setupDb.$disconnect();
    await setupPool.end();
  };
  return {
    kind: "postgresql",
    db,
    sql: postgresReader(requests, changes),
    changes,
    adapter,
    setup: { db: setupDb, adapter: setupAdapter, done: setupDone },
    probe: async () => {
      await reserved.selectOne();
      return poolSaturated(requests, limits.poolMax) ? "busy" : "ok";
    },
    close: async () => {
      await Promise.all([db.$disconnect(), setupDone(), changes.close(), reserved.close()]);
      await requests.end();
    },
  };
}

export interface StoreOptions {
  databaseUrl?: string;
  pgliteDir: string;
  seed: boolean;
  limits?: Config["db"];
}

const DEFAULT_LIMITS: Config["db"] = { connectTimeoutMs: 5_000, statementTimeoutMs: 5_000, poolMax: 10 };

/** Where the demo's Stripe Billing workspace reads: the host's own sandbox-only stand-in. */
export const demoStripeApiUrl = (publicUrl: string) => `${publicUrl}/dev/stripe/v1`;

/** Opens the store, applies pending migrations and, in sandbox mode, seeds the demo data. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.limits ?? DEFAULT_LIMITS)
    : await openPglite(options.pgliteDir);
  try {
    await migrate(store.setup.adapter);
    if (options.seed) {
      await seedSandbox(store.setup.db);
      const config = getConfig();
      await seedStripeBillingDemo(store.setup.db, { apiUrl: demoStripeApiUrl(config.publicUrl), keyring: keyringFor(config) });
    }
    await store.setup.done();
    return store;
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
}

/*
 * One store per process, kept on globalThis so `next dev` reloads reuse it. A failed open
 * is not kept: after a pause that doubles with each failure (capped), the next use tries
 * again, and in the server a timer does too, so the host connects and migrates as soon as
 * the database is back. During the pause uses fail at once rather than each waiting for
 * a timeout.
 */
interface Holder {
  store?: Promise<Store>;
  /** The store once open, for what must not wait (noteChange). */
  opened?: Store;
  failures: number;
  retryAt: number;
  lastError?: unknown;
  retryInBackground: boolean;
  timer?: NodeJS.Timeout;
}
const g = globalThis as unknown as { __stiggStore?: Holder };
const holder: Holder = (g.__stiggStore ??= { failures: 0, retryAt: 0, retryInBackground: false });

const MAX_BACKOFF_MS = 10_000;
const backoff = (failures: number) => Math.min(250 * 2 ** (failures - 1), MAX_BACKOFF_MS);

export function storeKind(): StoreKind {
  return getConfig().databaseUrl ? "postgresql" : "pglite";
}

export function getStore(): Promise<Store> {
  if (holder.store) return holder.store;
  if (Date.now() < holder.retryAt) return Promise.reject(new StoreUnavailableError(holder.lastError));
  const config = getConfig();
  const opening = openStore({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    seed: config.mode === "sandbox",
    limits: config.db,
  });
  holder.store = opening;
  opening.then(
    (store) => {
      if (holder.store === opening) holder.opened = store;
      holder.failures = 0;
      holder.lastError = undefined;
    },
    (err: unknown) => {
      if (holder.store === opening) holder.store = undefined;
      holder.failures++;
      holder.lastError = err;
      const delay = backoff(holder.failures);
      holder.retryAt = Date.now() + delay;
      if (holder.retryInBackground) {
        clearTimeout(holder.timer);
        holder.timer = setTimeout(() => void getStore().catch(() => {}), delay);
        holder.timer.unref();
      }
    },
  );
  return opening;
}

/** For a long-running server: keep trying to open the store after a failure, without waiting for a request. */
export function keepStoreOpening(): void {
  holder.retryInBackground = true;
}

/** The opened store, waiting for PostgreSQL no longer than for a connection and a statement. */
async function openedStore(): Promise<Store> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const opening = getStore();
    const { databaseUrl, db: limits } = getConfig();
    if (!databaseUrl) return await opening;
    // The opening goes on for the requests after this one.
    const limit = limits.connectTimeoutMs + limits.statementTimeoutMs;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the database is still being opened after ${limit} ms`)), limit);
    });
    return await Promise.race([opening, late]);
  } catch (err) {
    throw err instanceof StoreUnavailableError || err instanceof StoreLockedError ? err : new StoreUnavailableError(err);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The Prisma client. Throws StoreUnavailableError when the store cannot be opened right
 * now, and StoreLockedError when another process owns the embedded directory.
 */
export async function getDb(): Promise<Db> {
  return (await openedStore()).db;
}

/** The direct reader of the request path (sql.ts), with getDb's errors. */
export async function getSql(): Promise<SqlReader> {
  return (await openedStore()).sql;
}

/** Whether the store has been opened (and not closed) in this process. */
export function storeIsOpen(): boolean {
  return holder.opened !== undefined;
}

/** The store's own health probe (health.ts), with getDb's errors. */
export async function probeStore(): Promise<"ok" | "busy"> {
  return (await openedStore()).probe();
}

/** The last reason the store could not be opened, for logs. */
export function lastStoreError(): unknown {
  return holder.lastError;
}

/**
 * A change this process has just committed to the tables behind the request path's caches
 * (a link made or removed): this process's caches drop what they hold at once. Other
 * processes hear of it from the store (changeFeed.ts).
 */
export function noteChange(): void {
  holder.opened?.changes.changed();
}

export async function closeStore(): Promise<void> {
  const store = holder.store;
  holder.store = undefined;
  holder.opened = undefined;
  holder.retryInBackground = false;
  clearTimeout(holder.timer);
  holder.failures = 0;
  holder.retryAt = 0;
  if (store) await store.then((s) => s.close(), () => {});
}
