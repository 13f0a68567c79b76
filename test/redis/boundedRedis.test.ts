import { randomUUID } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { afterEach, describe, expect, it } from "vitest";
import { CONNECT_STARTS_PER_WINDOW, createConnectLimiter } from "@/server/oauth/connectRateLimit";
import { RedisStore } from "@/server/sources/stigg/redisStore";
import { refusingRedisUrl, startOwnRedis, swallowingProxy } from "../support/badRedis";

// Generous: the bound is a few hundred ms; a loaded machine must not fail the test.
const CEILING_MS = 5_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A Redis URL that answered once and then stops answering, the way `how` says. */
async function redisThatStops(how: "SIGSTOP" | "swallowing proxy" | "refusing"): Promise<{ url: string; stopAnswering(): void }> {
  if (how === "refusing") return { url: await refusingRedisUrl(), stopAnswering: () => {} };
  const redis = await startOwnRedis();
  cleanups.push(redis.stop);
  if (how === "SIGSTOP") return { url: redis.url, stopAnswering: redis.pause };
  const proxy = await swallowingProxy(redis.port);
  cleanups.push(proxy.close);
  return { url: proxy.url, stopAnswering: proxy.swallow };
}

/** Runs `act`, failing if it has not settled within the ceiling. */
async function withinCeiling<T>(act: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CEILING_MS} ms`)), CEILING_MS);
  });
  try {
    return await Promise.race([act, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe.each(["SIGSTOP", "swallowing proxy", "refusing"] as const)("a Redis that stops answering (%s)", (how) => {
  it("the /connect rate limit answers each count in time, and counts on in process", async () => {
    const redis = await redisThatStops(how);
    const limiter = createConnectLimiter({ redisUrl: redis.url });
    const client = `client-${randomUUID()}`;
    if (how !== "refusing") await withinCeiling(limiter.consume(client)); // counted in Redis
    redis.stopAnswering();
    // The insurance counts what Redis could not: a full allowance, then a refusal.
    for (let i = 0; i < CONNECT_STARTS_PER_WINDOW; i++) await withinCeiling(limiter.consume(client));
    const refused = await withinCeiling(limiter.consume(client).catch((err: unknown) => err));
    expect(refused).toBeInstanceOf(RateLimiterRes);
  });

  it("the Stigg cache reads and writes in time, as misses", async () => {
    const redis = await redisThatStops(how);
    const warnings: string[] = [];
    const store = new RedisStore({ url: redis.url, keyPrefix: `test:${randomUUID()}:`, ttlMs: 60_000, backOffMs: 0, warn: (m) => warnings.push(m) });
    cleanups.push(() => store.close());
    if (how !== "refusing") {
      await withinCeiling(store.set("k", { v: 1 }));
      expect(await withinCeiling(store.get("k"))).toEqual({ v: 1 });
    }
    redis.stopAnswering();
    expect(await withinCeiling(store.get("k"))).toBeUndefined();
    await withinCeiling(store.set("k", { v: 2 }));
    expect(warnings.length).toBeGreaterThan(0);
  });
});
