import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Config } from "../config";
import { logger } from "../log/logger";
import { boundedRedis } from "../redis/boundedRedis";

/** Installs a client may start per window: each start stores a state row. */
export const CONNECT_STARTS_PER_WINDOW = 10;
export const CONNECT_WINDOW_SECONDS = 60;

const options = { keyPrefix: "stigg:connect", points: CONNECT_STARTS_PER_WINDOW, duration: CONNECT_WINDOW_SECONDS };

/**
 * Counts in Redis when REDIS_URL is set, so every host instance shares them; in process
 * otherwise. Should Redis refuse, hang or stop answering, a count that gets no answer
 * within REDIS_TIMEOUT_MS carries on in process (insurance) rather than holding the
 * submission or turning every install away.
 */
export function createConnectLimiter(config: Pick<Config, "redisUrl">): RateLimiterAbstract {
  const memory = new RateLimiterMemory(options);
  if (!config.redisUrl) return memory;
  // The offline queue holds a count until the connection is up (a fresh host's first
  // request would otherwise be counted in process), within the same bound.
  const client = boundedRedis(config.redisUrl);
  client.on("error", (err) => logger().warn({ err, event: "ratelimit.redis_error" }, "Redis for the connect rate limit failed"));
  return new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: memory });
}

const holder = globalThis as unknown as { __connectLimiter?: RateLimiterAbstract };

/** Takes one start from the client's allowance; false when it has none left. */
export async function takeConnectStart(client: string, config: Pick<Config, "redisUrl">): Promise<boolean> {
  holder.__connectLimiter ??= createConnectLimiter(config);
  try {
    await holder.__connectLimiter.consume(client);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
