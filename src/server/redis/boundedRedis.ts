import { Redis } from "ioredis";

/** Longest a connect or a command may take before the caller goes on without Redis. */
export const REDIS_TIMEOUT_MS = 300;

/**
 * The one way this host makes a Redis client: every use (the /connect rate limit, the
 * Stigg cache) gets an answer or an error within REDIS_TIMEOUT_MS, whether Redis refuses,
 * is stopped (SIGSTOP: the kernel still accepts), or a hop in between swallows the bytes.
 * ioredis waits forever by default: with no command timeout a command already sent, or
 * queued for a connection that never becomes ready, holds its caller indefinitely.
 */
export function boundedRedis(url: string, options: { keyPrefix?: string; timeoutMs?: number } = {}): Redis {
  const timeout = options.timeoutMs ?? REDIS_TIMEOUT_MS;
  return new Redis(url, {
    ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
    connectTimeout: timeout,
    // Counted from the moment a command is issued, queued offline or sent.
    commandTimeout: timeout,
    // A command that cannot be sent fails now (on a lost connection) instead of waiting
    // for a reconnect; the reconnects themselves go on in the background.
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  });
}
