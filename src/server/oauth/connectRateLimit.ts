import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Config } from "../config";
import { logger } from "../log/logger";

/** Installs a client may start per window: each start stores a state row. */
export const CONNECT_STARTS_PER_WINDOW = 10;
export const CONNECT_WINDOW_SECONDS = 60;

const options = { keyPrefix: "stigg:connect", points: CONNECT_STARTS_PER_WINDOW, duration: CONNECT_WINDOW_SECONDS };

/**
 * Counts in Redis when REDIS_URL is set, so every host instance shares them; in process
 * otherwise. Should Redis stop answering, counting carries on in process (insurance)
 * rather than turning every install away.
 */
function createLimiter(config: Pick<Config, "redisUrl">): RateLimiterAbstract {
  const memory = new RateLimiterMemory(options);
  if (!config.redisUrl) return memory;
  // The offline queue holds a count until the connection is up (a fresh host's first
  // request would otherwise be counted in process); a dead Redis fails it after one retry.
  const client = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  client.on("error", (err) => logger().warn({ err, event: "ratelimit.redis_error" }, "Redis for the connect rate limit failed"));
  return new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: memory });
}

const holder = globalThis as unknown as { __connectLimiter?: RateLimiterAbstract };

/** Takes one start from the client's allowance; false when it has none left. */
export async function takeConnectStart(client: string, config: Pick<Config, "redisUrl">): Promise<boolean> {
  holder.__connectLimiter ??= createLimiter(config);
  try {
    await holder.__connectLimiter.consume(client);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
