import { InFlight } from "./inFlight";

/** Where answers are kept: this process's memory, or Redis shared by every host instance. */
export interface CacheStore {
  /** The value kept for `key`; undefined on a miss, and when the store cannot answer. */
  get(key: string): Promise<unknown>;
  /** Keeps `value` for the store's TTL. Never rejects: a store that fails is skipped. */
  set(key: string, value: unknown): Promise<void>;
  /** Lets go of connections, so a script or a test can end. */
  close?(): Promise<void>;
}

/**
 * Stigg answers kept for a short while. A drawer opens with several calls that read the
 * same customer (getCustomer, then entitlements and subscriptions), and a user flips tabs;
 * without this each of them would be a round trip to Stigg. Identical reads in flight are
 * shared first, so concurrent misses make one upstream read. The refresh icon asks for
 * `fresh`, which reads through and refills the entry.
 */
export class ReadCache {
  private readonly inFlight = new InFlight();

  constructor(private readonly store: CacheStore) {}

  /** The cached value for `key`, or `load()`'s, kept on success only. */
  get<T>(key: string, load: () => Promise<T>, options: { fresh?: boolean } = {}): Promise<T> {
    if (options.fresh) return this.inFlight.startedAfterNow(key, () => this.fill(key, load));
    return this.inFlight.join(key, async () => {
      const hit = await this.store.get(key);
      return hit === undefined ? this.fill(key, load) : (hit as T);
    });
  }

  close(): Promise<void> {
    return this.store.close?.() ?? Promise.resolve();
  }

  private async fill<T>(key: string, load: () => Promise<T>): Promise<T> {
    const value = await load();
    // Awaited (the store bounds its own time) so that a read that returned is visible to
    // the next one, in this process or another.
    await this.store.set(key, value);
    return value;
  }
}
