/*
 * A read of the request path kept for the next requests: good while the store's change
 * generation (changeFeed.ts) has not moved and for at most `ttlMs` (time moves what a read
 * means too: credits expire). Concurrent misses share one read. The values are shared
 * between requests: callers must not change them.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { generation: number; expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: () => number,
    private readonly max = 10_000,
  ) {}

  /** `generation` null (changes cannot be heard), or a TTL of 0: read, keep nothing. */
  read(generation: number | null, key: string, load: () => Promise<V>): Promise<V> {
    const ttl = this.ttlMs();
    if (generation === null || ttl <= 0) return load();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation && hit.expires > now) return hit.value;
    if (this.entries.size >= this.max) this.entries.clear();
    const entry = { generation, expires: now + ttl, value: load() };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }
}
