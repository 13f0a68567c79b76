import { randomInt } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECT_STARTS_PER_WINDOW } from "@/server/oauth/connectRateLimit";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";
import { postConnect, wasRateLimited, wentToStripe } from "./support/connectForm";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// Behind a proxy (TRUST_PROXY=1) with Redis: two hosts share one count per client.
describe("/connect's rate limit, in Redis, behind a trusted proxy", () => {
  const data = tempDataDir();
  // A client address of this run only, so earlier runs' counts don't matter.
  const client = `198.51.100.${randomInt(1, 255)}-${Date.now()}`;
  const other = `${client}-other`;
  const servers: RunningServer[] = [];
  const start = async (name: string) => {
    const server = await spawnServer({
      command: "next start",
      env: { PGLITE_DIR: `${data.dir}/${name}`, REDIS_URL, TRUST_PROXY: "1" },
    });
    servers.push(server);
    await waitUntilServing(server, "/");
    return server;
  };

  beforeAll(async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3_000 });
    try {
      await redis.connect();
      expect(await redis.ping()).toBe("PONG");
    } catch (err) {
      throw new Error(`These tests need Redis at ${REDIS_URL} (set TEST_REDIS_URL): ${(err as Error).message}`);
    } finally {
      redis.disconnect();
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    data.remove();
  });

  it("counts a client across two hosts, by the last X-Forwarded-For hop, and other clients separately", async () => {
    // Both up before the first count, so the whole exchange sits well inside one window.
    const [first, second] = await Promise.all([start("first"), start("second")]);
    const viaProxy = (address: string) => ({ "X-Forwarded-For": `10.9.9.9, ${address}` });
    for (let i = 0; i < CONNECT_STARTS_PER_WINDOW - 3; i++) expect(wentToStripe(await postConnect(first, viaProxy(client)))).toBe(true);
    for (let i = 0; i < 3; i++) expect(wentToStripe(await postConnect(second, viaProxy(client)))).toBe(true);
    expect(wasRateLimited(await postConnect(second, viaProxy(client)))).toBe(true);
    // Another client behind the same proxy is not held back.
    expect(wentToStripe(await postConnect(second, viaProxy(other)))).toBe(true);
  });
});
