import { type CacheStore, ReadCache } from "./readCache";

/** The in-process store: answers in a Map, each for `ttlMs`, at most `maxEntries` of them. */
export class MemoryStore implements CacheStore {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<unknown> {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt > this.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const now = this.now();
      for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
      // Still full: drop the oldest (Map keeps insertion order).
      const oldest = this.entries.keys().next();
      if (this.entries.size >= this.maxEntries && !oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }
}

/** A read cache held in this process only: the default when no REDIS_URL is set. */
export class TtlCache extends ReadCache {
  constructor(ttlMs: number, maxEntries: number, now: () => number = Date.now) {
    super(new MemoryStore(ttlMs, maxEntries, now));
  }
}
