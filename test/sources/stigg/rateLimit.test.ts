import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { StiggGraphqlClient, type StiggClientOptions } from "@/server/sources/stigg/graphqlClient";
import { getCreditEntitlements } from "@/server/sources/stigg/queries";
import { StiggSource } from "@/server/sources/stigg/stiggSource";
import { TtlCache } from "@/server/sources/stigg/ttlCache";
import { SourceRateLimitedError, SourceUnavailableError } from "@/server/sources/types";
import { startStiggEdge, type StiggEdge } from "../../standins/stiggEdge";
import { startStiggStandIn, type StiggStandIn } from "../../standins/stigg";
import { fixture, FULL, STIGG_KEY } from "./fixture";
import { quietLog } from "./firstPaint";

let stigg: StiggStandIn;
let edge: StiggEdge;

beforeAll(async () => {
  stigg = await startStiggStandIn([STIGG_KEY], fixture);
  edge = await startStiggEdge(stigg.url);
});
afterEach(() => edge.clearRateLimits());
afterAll(async () => {
  await edge?.close();
  await stigg?.close();
});

const client = (options: Partial<StiggClientOptions> = {}) =>
  new StiggGraphqlClient({ apiUrl: edge.url, apiKey: STIGG_KEY, retryDelayMs: 20, ...options });

const readCredits = (c: StiggGraphqlClient) => c.request(getCreditEntitlements, { query: { customerId: FULL.stigg } });

/** Runs `read` and tells how many requests reached Stigg and how many the edge refused. */
async function counted<T>(read: () => Promise<T>) {
  const [reached, refused] = [stigg.count("GetCreditEntitlements"), edge.limited()];
  const outcome = await read().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, reached: stigg.count("GetCreditEntitlements") - reached, refused: edge.limited() - refused };
}

describe("a 429 from Stigg", () => {
  it("is retried after its Retry-After in seconds", async () => {
    edge.rateLimitNext("1");
    const r = await counted(() => readCredits(client()));
    expect(r.error).toBeUndefined();
    expect(r.value?.entitlementsWithSummary.entitlements.length).toBeGreaterThan(0);
    expect([r.refused, r.reached]).toEqual([1, 1]);
  });

  it("is retried after its Retry-After as an HTTP-date", async () => {
    edge.rateLimitNext(new Date(Date.now() + 1_000).toUTCString());
    const r = await counted(() => readCredits(client()));
    expect(r.error).toBeUndefined();
    expect([r.refused, r.reached]).toEqual([1, 1]);
  });

  it("without Retry-After, is retried after the backoff", async () => {
    edge.rateLimitNext(null, null);
    const r = await counted(() => readCredits(client()));
    expect(r.error).toBeUndefined();
    expect([r.refused, r.reached]).toEqual([2, 1]);
  });

  it("asking for a wait longer than a read may wait: rate limited at once, not waited for", async () => {
    edge.rateLimitNext("30");
    const r = await counted(() => readCredits(client()));
    expect(r.error).toBeInstanceOf(SourceRateLimitedError);
    expect((r.error as Error).message).toMatch(/^Stigg GetCreditEntitlements: rate limited by Stigg \(HTTP 429\).*asked to wait 30 s/);
    expect([r.refused, r.reached]).toEqual([1, 0]);
  });

  it("that keeps coming past the wait budget: rate limited, the key in no message", async () => {
    const budget = 300;
    edge.rateLimitNext(...Array<null>(20).fill(null));
    const r = await counted(() => readCredits(client({ waitBudgetMs: budget, retryDelayMs: 50, random: () => 0.5 })));
    expect(r.error).toBeInstanceOf(SourceRateLimitedError);
    expect(r.error).toBeInstanceOf(SourceUnavailableError);
    // Waits of 38, 75 and 150 ms fit the 300 ms budget; the next (225) does not.
    expect([r.refused, r.reached]).toEqual([4, 0]);
    expect((r.error as Error).message).not.toContain(STIGG_KEY);
  });

  it("reaches the source's caller as a rate-limited part, and nothing is cached", async () => {
    const source = new StiggSource(client({ waitBudgetMs: 0 }), new TtlCache(30_000, 10), {
      id: "ws_rate",
      stiggAppBaseUrl: "https://app.stigg.test",
    }, quietLog);
    const customer = (await source.findCustomer(FULL.stripe))!;
    edge.rateLimitNext("5");
    await expect(source.getCreditEntitlements(customer, {})).rejects.toBeInstanceOf(SourceRateLimitedError);
    const after = await counted(() => source.getCreditEntitlements(customer, {}));
    expect(after.error).toBeUndefined();
    expect(after.reached).toBe(1);
  });
});
