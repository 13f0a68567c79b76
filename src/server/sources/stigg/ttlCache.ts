/**
 * Stigg answers kept for a short while. A drawer opens with several calls that read the
 * same customer (getCustomer, then entitlements and subscriptions), and a user flips tabs;
 * without this each of them would be a round trip to Stigg. The refresh icon asks for
 * `fresh`, which reads through and refills the entry.
 */
export class TtlCache {
  private readonly entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value for `key`, or `load()`'s, kept on success only. */
  get<T>(key: string, load: () => Promise<T>, options: { fresh?: boolean } = {}): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && !options.fresh && hit.expiresAt > this.now()) return hit.value as Promise<T>;
    // The promise itself is kept, so concurrent callers share one request.
    const value = load();
    this.set(key, value);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  private set(key: string, value: Promise<unknown>): void {
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
