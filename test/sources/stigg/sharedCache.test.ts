import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StiggGraphqlClient } from "@/server/sources/stigg/graphqlClient";
import { ReadCache } from "@/server/sources/stigg/readCache";
import { RedisStore } from "@/server/sources/stigg/redisStore";
import { StiggSource } from "@/server/sources/stigg/stiggSource";
import { closedPortUrl } from "../../oauth/fixedResponder";
import { startStiggStandIn, type StiggFixture, type StiggStandIn } from "../../standins/stigg";
import { fixture, FULL, STIGG_KEY } from "./fixture";
import { FIRST_PAINT_OPERATIONS, firstPaint, quietLog } from "./firstPaint";
import type { ChildInput } from "./readInChild";
import { keysMatching, REDIS_TEST_URL, requireRedis } from "./redisForTests";

const run = promisify(execFile);
const CHILD = path.join(import.meta.dirname, "readInChild.ts");

// Keys of this run only: every key holds the workspace id, and this one is new each run.
const WORKSPACE = `ws_test_${randomUUID().slice(0, 8)}`;

let redis: Redis;
let stigg: StiggStandIn;
let data: StiggFixture;

beforeAll(async () => {
  redis = await requireRedis();
  data = structuredClone(fixture);
  stigg = await startStiggStandIn([STIGG_KEY], data);
});
afterAll(async () => {
  if (redis) {
    const keys = await keysMatching(redis, `*${WORKSPACE}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  await stigg?.close();
});

/** A drawer's first paint in another host process, reading through REDIS_URL. */
async function paintInChild(input: Partial<ChildInput> = {}) {
  const childInput: ChildInput = {
    workspaceId: WORKSPACE,
    stiggUrl: stigg.url,
    apiKey: STIGG_KEY,
    stripeCustomerId: FULL.stripe,
    ...input,
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REDIS_URL: REDIS_TEST_URL,
    LOG_LEVEL: "silent",
    CHILD_INPUT: JSON.stringify(childInput),
  };
  delete env.STRIPE_APP_SECRET;
  const { stdout } = await run(process.execPath, ["--import", "tsx", CHILD], { env, timeout: 60_000 });
  return JSON.parse(stdout) as Awaited<ReturnType<typeof firstPaint>>;
}

/**
 * Keeps what the children cached past its 30 s TTL: on a busy machine starting a child
 * process can take longer than that, and these tests are about sharing, not expiry.
 */
async function holdCached() {
  for (const key of await keysMatching(redis, `*${WORKSPACE}*`)) await redis.pexpire(key, 10 * 60_000);
}

const counts = () => Object.fromEntries(FIRST_PAINT_OPERATIONS.map((op) => [op, stigg.count(op)]));
const since = (before: Record<string, number>) =>
  Object.fromEntries(Object.entries(before).map(([op, n]) => [op, stigg.count(op) - n]));
const each = (n: number) => Object.fromEntries(FIRST_PAINT_OPERATIONS.map((op) => [op, n]));

describe("the cache shared through Redis (REDIS_URL)", () => {
  it("a second host process reads what the first one cached: no call to Stigg", async () => {
    const before = counts();
    const first = await paintInChild();
    expect(since(before)).toEqual(each(1));

    // Keyed per workspace, JSON with a TTL, and no API key anywhere.
    const keys = await keysMatching(redis, `*${WORKSPACE}*`);
    expect(keys).toHaveLength(FIRST_PAINT_OPERATIONS.length);
    for (const key of keys) {
      expect(key).toMatch(new RegExp(`^stigg-app:stigg:[0-9a-f]+:${WORKSPACE}:\\[`));
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(30_000);
      const value = (await redis.get(key))!;
      expect(() => JSON.parse(value)).not.toThrow();
      expect(key + value).not.toContain(STIGG_KEY);
    }

    await holdCached();
    const middle = counts();
    const second = await paintInChild();
    expect(since(middle)).toEqual(each(0));
    expect(second).toEqual(first);
    expect(second.entitlements.length).toBeGreaterThan(0);
  });

  it("a refresh in one process bypasses the cache and updates what the others read", async () => {
    await paintInChild();
    await holdCached();
    const balance = data.credits[FULL.stigg]![0]!;
    balance.usageLimit! += 1234;

    const before = counts();
    const refreshed = await paintInChild({ fresh: true });
    await holdCached();
    // Refresh reads entitlements and credits through; customer and subscriptions stay cached.
    expect(since(before)).toEqual({ ...each(0), GetCustomerEntitlements: 1, GetCreditEntitlements: 1 });
    const credit = refreshed.credits.find((c) => c.kind === "credits" && c.id === balance.currency.currencyId);
    expect(credit).toMatchObject({ totalGranted: balance.usageLimit });

    const middle = counts();
    const later = await paintInChild();
    expect(since(middle)).toEqual(each(0));
    expect(later.credits).toEqual(refreshed.credits);
  });

  it("32 concurrent first paints over Redis: one call to Stigg per operation", async () => {
    const cache = new ReadCache(
      new RedisStore({ url: REDIS_TEST_URL, keyPrefix: "stigg-app:stigg:test:", ttlMs: 30_000, warn: (m) => expect.fail(m) }),
    );
    try {
      const source = () =>
        new StiggSource(new StiggGraphqlClient({ apiUrl: stigg.url, apiKey: STIGG_KEY }), cache, {
          id: `${WORKSPACE}-burst`,
          stiggAppBaseUrl: "https://app.stigg.test",
        }, quietLog);
      const before = counts();
      const paints = await Promise.all(Array.from({ length: 32 }, () => firstPaint(source(), FULL.stripe)));
      expect(since(before)).toEqual(each(1));
      for (const p of paints) expect(p).toEqual(paints[0]);
    } finally {
      await cache.close();
    }
  });
});

describe("a Redis that fails", () => {
  /** A first paint through a Redis-backed cache at `url`, twice; and what it logged. */
  async function paintsThrough(url: string) {
    const warnings: string[] = [];
    const cache = new ReadCache(
      new RedisStore({ url, keyPrefix: `stigg-app:stigg:test:`, ttlMs: 30_000, timeoutMs: 200, warn: (m) => warnings.push(m) }),
    );
    try {
      const source = new StiggSource(new StiggGraphqlClient({ apiUrl: stigg.url, apiKey: STIGG_KEY }), cache, {
        id: `${WORKSPACE}-down`,
        stiggAppBaseUrl: "https://app.stigg.test",
      }, quietLog);
      const before = counts();
      const first = await firstPaint(source, FULL.stripe);
      const second = await firstPaint(source, FULL.stripe);
      return { first, second, calls: since(before), warnings };
    } finally {
      await cache.close();
    }
  }

  it("down (nothing listens): reads go to Stigg, one warning, no password in it", async () => {
    const port = new URL(await closedPortUrl()).port;
    const r = await paintsThrough(`redis://:hunter2-not-logged@127.0.0.1:${port}`);
    expect(r.second).toEqual(r.first);
    expect(r.first.entitlements.length).toBeGreaterThan(0);
    expect(r.calls).toEqual(each(2));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(`Redis at 127.0.0.1:${port}`);
    expect(r.warnings[0]).not.toContain("hunter2");
  });

  it("hung (accepts, never answers): reads go to Stigg after the timeout", async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((s) => void sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as { port: number };
      const r = await paintsThrough(`redis://127.0.0.1:${port}`);
      expect(r.second).toEqual(r.first);
      expect(r.calls).toEqual(each(2));
      expect(r.warnings).toHaveLength(1);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
