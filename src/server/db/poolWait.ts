import type pg from "pg";

/**
 * The store is up but every connection of the pool is in use, and stayed so for as long
 * as a request may wait: the caller should retry shortly. Not a failure of the store.
 */
export class StoreBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`Every database connection stayed in use for ${waitedMs} ms.`);
    this.name = "StoreBusyError";
  }
}

/** How long a request waits for a pooled connection when all are in use. */
export const POOL_WAIT_MS = 2_000;

/**
 * By name, not instanceof: the server's bundles may each hold their own copy of this
 * module (the store is opened from one, errors are read in another).
 */
export function isStoreBusy(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = err; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if ((e as { name?: unknown }).name === "StoreBusyError") return true;
  }
  return false;
}

export function poolSaturated(pool: pg.Pool, max: number): boolean {
  return pool.waitingCount > 0 || (pool.totalCount >= max && pool.idleCount === 0);
}

type Checkout = (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

/**
 * pg's pool waits for a free connection as long as for a new one (connectionTimeoutMillis,
 * a few seconds for a slow network). A request that finds every connection in use waits
 * at most `waitMs`, then gets StoreBusyError, so busy is told from down; a connection
 * that frees up after that goes straight back to the pool.
 */
export function boundPoolWaits(pool: pg.Pool, max: number, waitMs: number): void {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const bounded = (): Promise<pg.PoolClient> => {
    if (!poolSaturated(pool, max)) return connect();
    return new Promise((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(new StoreBusyError(waitMs));
      }, waitMs);
      connect().then(
        (client) => {
          clearTimeout(timer);
          if (late) client.release();
          else resolve(client);
        },
        (err: unknown) => {
          clearTimeout(timer);
          if (!late) reject(err);
        },
      );
    });
  };
  // pg's own pool.query calls connect with a callback; the ORM's adapter with none.
  pool.connect = ((callback?: Checkout) => {
    if (!callback) return bounded();
    bounded().then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error | undefined)),
      (err: Error) => callback(err),
    );
    return undefined;
  }) as typeof pool.connect;
}
