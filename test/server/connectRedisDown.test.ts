import { afterEach, describe, expect, it } from "vitest";
import { CONNECT_STARTS_PER_WINDOW } from "@/server/oauth/connectRateLimit";
import { refusingRedisUrl, startOwnRedis, swallowingProxy } from "../support/badRedis";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";
import { postConnect, wasRateLimited, wentToStripe } from "./support/connectForm";

// The bound is a few hundred ms; this only tells "answers" from "never answers" on a loaded machine.
const CEILING_MS = 8_000;

async function withinCeiling<T>(act: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`/connect gave no answer within ${CEILING_MS} ms`)), CEILING_MS);
  });
  try {
    return await Promise.race([act, late]);
  } finally {
    clearTimeout(timer);
  }
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A Redis of the test's own (never the machine's) that answers at first, then stops the way `how` says. */
async function redisThatStops(how: "SIGSTOP" | "swallowing proxy" | "refusing") {
  if (how === "refusing") return { url: await refusingRedisUrl(), answersAtFirst: false, stopAnswering: () => {} };
  const redis = await startOwnRedis();
  cleanups.push(redis.stop);
  if (how === "SIGSTOP") return { url: redis.url, answersAtFirst: true, stopAnswering: redis.pause };
  const proxy = await swallowingProxy(redis.port);
  cleanups.push(proxy.close);
  return { url: proxy.url, answersAtFirst: true, stopAnswering: proxy.swallow };
}

// REDIS_URL set, and Redis stops answering: /connect still answers, counting in process.
describe.each(["SIGSTOP", "swallowing proxy", "refusing"] as const)("/connect with a Redis that stops answering (%s)", (how) => {
  it("each submission answers within seconds, and the allowance is counted in process", async () => {
    const redis = await redisThatStops(how);
    const data = tempDataDir();
    cleanups.push(data.remove);
    const server: RunningServer = await spawnServer({
      command: "next start",
      env: { PGLITE_DIR: `${data.dir}/pglite`, REDIS_URL: redis.url, TRUST_PROXY: undefined },
    });
    cleanups.push(() => server.stop());
    await waitUntilServing(server, "/connect");
    if (redis.answersAtFirst) expect(wentToStripe(await withinCeiling(postConnect(server)))).toBe(true);

    redis.stopAnswering();
    for (let i = 0; i < CONNECT_STARTS_PER_WINDOW; i++) expect(wentToStripe(await withinCeiling(postConnect(server)))).toBe(true);
    expect(wasRateLimited(await withinCeiling(postConnect(server)))).toBe(true);
  });
});
