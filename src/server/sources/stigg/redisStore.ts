import type { Redis } from "ioredis";
import { boundedRedis } from "../../redis/boundedRedis";
import type { CacheStore } from "./readCache";

export interface RedisStoreOptions {
  /** REDIS_URL: redis:// or rediss://, possibly with a password (never logged). */
  url: string;
  /** Put before every key, so that deployments and test runs never read each other's. */
  keyPrefix: string;
  ttlMs: number;
  /** Longest a connect or a command may take before the read goes on without Redis (REDIS_TIMEOUT_MS). */
  timeoutMs?: number;
  /** After a failure, Redis is skipped for this long instead of costing every read a timeout. */
  backOffMs?: number;
  warn: (message: string) => void;
  info?: (message: string) => void;
}

/**
 * The shared store: answers as JSON in Redis with a TTL (SET … PX), so every host
 * instance behind a load balancer reads Stigg once per answer. Redis is an optimisation,
 * never a dependency: when it is down, slow or answers garbage, reads go to Stigg, and one
 * warning says so (another when it is back).
 */
export class RedisStore implements CacheStore {
  private readonly client: Redis;
  private readonly where: string;
  private readonly backOffMs: number;
  private skipUntil = 0;
  private down = false;

  constructor(private readonly options: RedisStoreOptions) {
    this.backOffMs = options.backOffMs ?? 5_000;
    this.where = safeLocation(options.url);
    this.client = boundedRedis(options.url, { keyPrefix: options.keyPrefix, timeoutMs: options.timeoutMs });
    this.client.on("error", (err: Error) => this.failed(err));
    this.client.on("ready", () => this.answered());
  }

  async get(key: string): Promise<unknown> {
    if (Date.now() < this.skipUntil) return undefined;
    let raw: string | null;
    try {
      raw = await this.client.get(key);
    } catch (err) {
      this.failed(err);
      return undefined;
    }
    this.answered();
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return undefined; // not ours, or cut short: a miss, and the fresh answer overwrites it
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    if (Date.now() < this.skipUntil) return;
    try {
      await this.client.set(key, JSON.stringify(value), "PX", this.options.ttlMs);
      this.answered();
    } catch (err) {
      this.failed(err);
    }
  }

  /** Closes the connection (tests, scripts); the process may then exit. */
  async close(): Promise<void> {
    this.client.disconnect();
  }

  private answered(): void {
    if (!this.down) return;
    this.down = false;
    this.skipUntil = 0;
    this.options.info?.(`Shared cache (Redis at ${this.where}) is reachable again`);
  }

  private failed(err: unknown): void {
    this.skipUntil = Date.now() + this.backOffMs;
    if (this.down) return;
    this.down = true;
    const reason = err instanceof Error ? err.message : String(err);
    this.options.warn(`Shared cache (Redis at ${this.where}) unavailable, reading Stigg directly: ${reason}`);
  }
}

/** host:port of a Redis URL: what a log line may show (no user, no password). */
function safeLocation(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(unreadable REDIS_URL)";
  }
}
