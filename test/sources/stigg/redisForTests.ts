import { Redis } from "ioredis";

/** The Redis these tests use: 127.0.0.1:6379 unless REDIS_TEST_URL says otherwise (CI has one). */
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

/**
 * A connection to the test Redis, or an error that says what is missing: these tests
 * check the shared cache against a real Redis and must not pass without one.
 */
export async function requireRedis(): Promise<Redis> {
  const client = new Redis(REDIS_TEST_URL, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: Error | undefined;
  client.on("error", (err: Error) => void (cause ??= err)); // reported below, with the failed connect
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (err) {
    client.disconnect();
    const reason = cause?.message ?? (err instanceof Error ? err.message : String(err));
    throw new Error(
      `The shared-cache tests need a Redis at ${REDIS_TEST_URL} and could not reach it ` +
        `(${reason}). Start one (redis-server, or ` +
        `docker run -p 6379:6379 redis) or point REDIS_TEST_URL at one.`,
    );
  }
}

/** Every key matching `pattern` (SCAN, not KEYS, so a shared Redis is not blocked). */
export async function keysMatching(client: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of client.scanStream({ match: pattern, count: 200 })) keys.push(...(batch as string[]));
  return keys;
}
