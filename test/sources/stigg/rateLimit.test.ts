import { describe, expect, it } from "vitest";
import { StiggGraphqlClient, type StiggClientOptions } from "@/server/sources/stigg/graphqlClient";
import { findCustomerByBillingId } from "@/server/sources/stigg/queries";
import { StiggSource } from "@/server/sources/stigg/stiggSource";
import { TtlCache } from "@/server/sources/stigg/ttlCache";
import { SourceNoAnswerError, SourceRateLimitedError, SourceUnavailableError } from "@/server/sources/types";
import { useStiggBehindEdge } from "./behindEdge";
import { FULL, STIGG_KEY } from "./fixture";
import { quietLog } from "./firstPaint";

const at = useStiggBehindEdge();

// A budget with room for a one-second Retry-After; the ceilings below are far above it.
const client = (options: Partial<StiggClientOptions> = {}) =>
  new StiggGraphqlClient({ apiUrl: at.edge.url, apiKey: STIGG_KEY, budgetMs: 2_500, ...options });

const lookUp = (c: StiggGraphqlClient) => c.request(findCustomerByBillingId, { billingId: FULL.stripe });

/** Runs `read` and tells how many requests reached the edge, and how many got through to Stigg. */
async function counted<T>(read: () => Promise<T>) {
  const [sent, reached] = [at.edge.received(), at.stigg.count("FindCustomerByBillingId")];
  const outcome = await read().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, sent: at.edge.received() - sent, reached: at.stigg.count("FindCustomerByBillingId") - reached };
}

describe("a 429 or 503 from Stigg", () => {
  it("a 429 is retried once, after its Retry-After in seconds, when that fits the budget", async () => {
    at.edge.rateLimitNext("1");
    const r = await counted(() => lookUp(client()));
    expect(r.error).toBeUndefined();
    expect(r.value?.customers.edges).toHaveLength(1);
    expect([r.sent, r.reached]).toEqual([2, 1]);
  });

  it("a 429's Retry-After may be an HTTP-date", async () => {
    at.edge.rateLimitNext(new Date(Date.now() + 1_000).toUTCString());
    const r = await counted(() => lookUp(client()));
    expect(r.error).toBeUndefined();
    expect([r.sent, r.reached]).toEqual([2, 1]);
  });

  it("a 503 with a Retry-After that fits is retried once too", async () => {
    at.edge.planNext({ status: 503, retryAfter: "1" });
    const r = await counted(() => lookUp(client()));
    expect(r.error).toBeUndefined();
    expect([r.sent, r.reached]).toEqual([2, 1]);
  });

  it("without Retry-After a 429 is not retried: rate limited at once, with no time to wait for", async () => {
    at.edge.rateLimitNext(null);
    const r = await counted(() => lookUp(client()));
    expect(r.error).toBeInstanceOf(SourceRateLimitedError);
    expect((r.error as SourceRateLimitedError).retryAfterMs).toBeUndefined();
    expect([r.sent, r.reached]).toEqual([1, 0]);
  });

  it("without Retry-After a 503 is not retried: unavailable, not rate limited", async () => {
    at.edge.planNext({ status: 503 });
    const r = await counted(() => lookUp(client()));
    expect(r.error).toBeInstanceOf(SourceUnavailableError);
    expect(r.error).not.toBeInstanceOf(SourceRateLimitedError);
    expect((r.error as Error).message).toBe("Stigg FindCustomerByBillingId: Stigg answered HTTP 503");
    expect([r.sent, r.reached]).toEqual([1, 0]);
  });

  it("asking for a wait longer than the budget: rate limited at once, carrying the wait Stigg asked for", async () => {
    at.edge.rateLimitNext("30");
    const r = await counted(() => lookUp(client()));
    expect(r.error).toBeInstanceOf(SourceRateLimitedError);
    expect((r.error as SourceRateLimitedError).retryAfterMs).toBe(30_000);
    expect((r.error as Error).message).toBe(
      "Stigg FindCustomerByBillingId: Stigg answered HTTP 429 (too many requests); it asked to wait 30 s",
    );
    expect([r.sent, r.reached]).toEqual([1, 0]);
  });

  it("at most one retry: a second 429 is the answer, and the key is in no message", async () => {
    at.edge.rateLimitNext("0", "0", "0");
    const r = await counted(() => lookUp(client()));
    expect(r.error).toBeInstanceOf(SourceRateLimitedError);
    expect([r.sent, r.reached]).toEqual([2, 0]);
    expect((r.error as Error).message).not.toContain(STIGG_KEY);
  });

  it("a 500 is not retried", async () => {
    at.stigg.failNext("http500");
    const r = await counted(() => lookUp(client()));
    expect(r.error).toBeInstanceOf(SourceUnavailableError);
    expect((r.error as Error).message).toBe("Stigg FindCustomerByBillingId: Stigg answered HTTP 500");
    expect(r.sent).toBe(1);
  });

  it("a reset connection is retried once; two are a source that did not answer", async () => {
    at.edge.planNext({ reset: true });
    const once = await counted(() => lookUp(client()));
    expect(once.error).toBeUndefined();
    expect([once.sent, once.reached]).toEqual([2, 1]);

    at.edge.planNext({ reset: true }, { reset: true });
    const twice = await counted(() => lookUp(client()));
    expect(twice.error).toBeInstanceOf(SourceNoAnswerError);
    expect((twice.error as SourceNoAnswerError).timedOut).toBe(false);
    expect(twice.sent).toBe(2);
  });

  it("reaches the source's caller as a rate-limited read, and nothing is cached", async () => {
    const source = new StiggSource(client(), new TtlCache(30_000, 10), {
      id: "ws_rate",
      stiggAppBaseUrl: "https://app.stigg.test",
    }, quietLog);
    const customer = (await source.findCustomer(FULL.stripe))!;
    at.edge.rateLimitNext("5");
    await expect(source.listSubscriptions(customer)).rejects.toBeInstanceOf(SourceRateLimitedError);
    const before = at.stigg.count("ListCustomerSubscriptions");
    expect(await source.listSubscriptions(customer)).not.toHaveLength(0);
    expect(at.stigg.count("ListCustomerSubscriptions") - before).toBeGreaterThan(0);
  });
});
