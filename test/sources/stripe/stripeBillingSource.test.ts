import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_INCLUDED_API_CALLS } from "@/server/dev/stripeBilling/demoAccount";
import { TtlCache } from "@/server/sources/stigg/ttlCache";
import { StripeBillingSource } from "@/server/sources/stripe/stripeBillingSource";
import { stripeClient, StripeReader } from "@/server/sources/stripe/stripeReader";
import { SourceKeyRejectedError, SourceNoAnswerError, SourceRateLimitedError, SourceUnavailableError } from "@/server/sources/types";
import { startStripeBillingStandIn, type StripeBillingLoopback } from "../../standins/stripeBilling";
import { quietLog } from "../stigg/firstPaint";
import { accounts, DEMO_BILLING_CUSTOMER, DEMO_BILLING_KEY, keys, NOW, OTHER_CUSTOMER, OTHER_KEY } from "./fixture";

let stripe: StripeBillingLoopback;
beforeAll(async () => {
  stripe = await startStripeBillingStandIn(accounts(NOW), keys);
});
afterEach(() => stripe.standIn.clearFaults());
afterAll(() => stripe?.close());

const DAY = 864e5;

function sourceWith(options: { key?: string; cache?: TtlCache; deadline?: number; workspace?: string } = {}) {
  const key = options.key ?? DEMO_BILLING_KEY;
  const reader = new StripeReader(stripeClient(key, stripe.url), { apiKey: key, deadline: options.deadline, random: () => 0 });
  return new StripeBillingSource(reader, options.cache ?? new TtlCache(30_000, 1000), { id: options.workspace ?? "ws_test" }, quietLog, () => NOW);
}

async function firstPaint(source: StripeBillingSource, customerId = DEMO_BILLING_CUSTOMER) {
  const customer = await source.findCustomer(customerId);
  if (!customer) throw new Error("no customer");
  const [subscriptions, features, credits] = await Promise.all([
    source.listSubscriptions(customer),
    source.getFeatureEntitlements(customer, {}),
    source.getCreditEntitlements(customer, {}),
  ]);
  return { customer, subscriptions, features, credits };
}

describe("Stripe Billing → the drawer's data", () => {
  it("reads the customer, its plan, boolean features with their subscription, the metered item against its free tier, and credits as money", async () => {
    const { customer, subscriptions, features, credits } = await firstPaint(sourceWith());
    expect(customer).toEqual({
      stripeCustomerId: DEMO_BILLING_CUSTOMER,
      stiggCustomerId: DEMO_BILLING_CUSTOMER,
      name: "Billing Demo Ltd",
      email: "ops@billing-demo.test",
      stiggUrl: `https://dashboard.stripe.com/test/customers/${DEMO_BILLING_CUSTOMER}`,
    });
    expect(subscriptions).toMatchObject([{ id: "sub_DemoBillingPro", planId: "prod_DemoPro", planName: "Pro", status: "ACTIVE", rawStatus: "ACTIVE" }]);
    const pro = [{ subscriptionId: "sub_DemoBillingPro", planName: "Pro" }];
    expect(features.filter((f) => f.kind === "boolean")).toEqual([
      { id: "sso", name: "Single sign-on", kind: "boolean", enabled: true, grantedBy: pro },
      { id: "audit-log", name: "Audit log", kind: "boolean", enabled: true, grantedBy: pro },
    ]);
    const metered = features.find((f) => f.kind === "metered");
    // The period began 12 days ago at 07:00; events of 190 (weekdays) or 60 (weekends) every 6 h from 01:00.
    const periodStart = Date.UTC(2026, 5, 3, 7);
    const expected = expectedUsage(periodStart, NOW.getTime());
    expect(metered).toMatchObject({
      id: "mtr_DemoApiCalls",
      name: "API calls",
      meterKind: "events",
      currentUsage: expected,
      usageLimit: DEMO_INCLUDED_API_CALLS,
      softLimit: true,
      unlimited: false,
      resetPeriod: "month",
      currentPeriodStart: new Date(periodStart).toISOString(),
      currentPeriodEnd: new Date(periodStart + 30 * DAY).toISOString(),
      grantedBy: pro,
    });
    expect(credits).toEqual([
      {
        id: "credits-usd",
        name: "Billing credits (USD)",
        kind: "credits",
        grantedBy: [{ subscriptionId: "credgr_DemoPaid", planName: "paid grant" }],
        currentBalance: 32.4,
        totalGranted: 50,
        totalConsumed: 17.6,
        hasCustomerLevelGrant: true,
        unit: "USD",
      },
    ]);
  });

  it("draws daily usage on UTC days: the period's start floored, its end ceiled, the first partial day whole", async () => {
    const source = sourceWith();
    const customer = (await source.findCustomer(DEMO_BILLING_CUSTOMER))!;
    const series = (await source.getUsageSeries(customer, "mtr_DemoApiCalls"))!;
    expect(series.from).toBe("2026-06-03T00:00:00.000Z");
    expect(series.to).toBe("2026-07-04T00:00:00.000Z");
    // 2026-06-03 is a Wednesday: four events of 190, the one at 01:00 before the period began included.
    expect(series.points[0]).toEqual({ timestamp: "2026-06-03T00:00:00.000Z", value: 760 });
    expect(series.points.find((p) => p.timestamp === "2026-06-06T00:00:00.000Z")).toEqual({ timestamp: "2026-06-06T00:00:00.000Z", value: 240 });
    expect(series.points.at(-1)!.timestamp).toBe("2026-06-15T00:00:00.000Z");
    const daily = stripe.standIn.received.filter((r) => r.query.includes("value_grouping_window=day")).at(-1)!;
    expect(new URLSearchParams(daily.query).get("start_time")).toBe(String(Date.UTC(2026, 5, 3) / 1000));
  });

  it("a deleted customer is not found, as is one Stripe never had", async () => {
    const source = sourceWith();
    expect(await source.findCustomer("cus_DemoBillingDeleted")).toBeNull();
    expect(await source.findCustomer("cus_NeverWasThere")).toBeNull();
  });

  it("shows what remains of a deleted product, no entitlements for a product without features, a never-used meter as 0 with an empty graph, and the metadata override", async () => {
    const source = sourceWith({ key: OTHER_KEY, workspace: "ws_other" });
    const { subscriptions, features, credits } = await firstPaint(source, OTHER_CUSTOMER);
    expect(subscriptions).toMatchObject([{ id: "sub_Other", planId: "prod_Gone", planName: "Legacy plan" }]);
    expect(features).toEqual([
      expect.objectContaining({ id: "mtr_Idle", kind: "metered", meterKind: "usage", currentUsage: 0, usageLimit: 500, softLimit: true }),
    ]);
    expect(credits).toEqual([]);
    const series = await source.getUsageSeries((await source.findCustomer(OTHER_CUSTOMER))!, "mtr_Idle");
    expect(series?.points).toEqual([]);
  });
});

describe("rounds to Stripe", () => {
  it("a first paint is two rounds: customer, subscriptions and entitlements together; then the rest together", async () => {
    const before = stripe.standIn.received.length;
    stripe.hold();
    const paint = firstPaint(sourceWith());
    await stripe.untilHeld(3);
    expect(stripe.held()).toEqual(["/customers/cus_DemoBilling", "/entitlements/active_entitlements", "/subscriptions"]);
    stripe.release({ keepHolding: true });
    const second = [
      "/billing/credit_balance_summary",
      "/billing/credit_grants",
      "/billing/meters/mtr_DemoApiCalls",
      "/billing/meters/mtr_DemoApiCalls/event_summaries",
      "/prices/price_DemoApiCalls",
      "/products/prod_DemoApiCalls",
      "/products/prod_DemoApiCalls/features",
      "/products/prod_DemoPro",
      "/products/prod_DemoPro/features",
    ];
    await stripe.untilHeld(second.length);
    expect(stripe.held()).toEqual(second);
    stripe.release();
    await paint;
    expect(stripe.standIn.received.length - before).toBe(3 + second.length);
  });

  it("32 concurrent first paints of one customer share one read of each; a refresh reads again", async () => {
    const cache = new TtlCache(30_000, 1000);
    const before = stripe.standIn.received.length;
    const paints = await Promise.all(Array.from({ length: 32 }, () => firstPaint(sourceWith({ cache }))));
    expect(stripe.standIn.received.length - before).toBe(12);
    for (const p of paints) expect(p).toEqual(paints[0]);
    const again = stripe.standIn.received.length;
    await firstPaint(sourceWith({ cache }));
    expect(stripe.standIn.received.length).toBe(again);
    const customer = paints[0]!.customer;
    await sourceWith({ cache }).getCreditEntitlements(customer, { fresh: true });
    expect(stripe.standIn.received.length - again).toBe(2);
  });

  it("cache keys start with the workspace id: another workspace reads for itself", async () => {
    const cache = new TtlCache(30_000, 1000);
    await sourceWith({ cache, workspace: "ws_a" }).findCustomer(DEMO_BILLING_CUSTOMER);
    const before = stripe.standIn.count("/customers/");
    await sourceWith({ cache, workspace: "ws_b" }).findCustomer(DEMO_BILLING_CUSTOMER);
    expect(stripe.standIn.count("/customers/") - before).toBe(1);
  });
});

describe("Stripe's errors become typed source errors", () => {
  const read = (options: Parameters<typeof sourceWith>[0] = {}) => sourceWith(options).findCustomer(DEMO_BILLING_CUSTOMER);

  it("429 with Stripe-Should-Retry: one retry, which answers", async () => {
    stripe.standIn.fail({ kind: "rate_limit", shouldRetry: true }, { path: "/customers", times: 1 });
    const before = stripe.standIn.count("/customers");
    expect(await read()).not.toBeNull();
    expect(stripe.standIn.count("/customers") - before).toBe(2);
  });

  it("429 twice: rate limited, after one retry only", async () => {
    stripe.standIn.fail({ kind: "rate_limit", shouldRetry: true, retryAfterSeconds: 0 }, { path: "/customers" });
    const before = stripe.standIn.count("/customers");
    await expect(read()).rejects.toBeInstanceOf(SourceRateLimitedError);
    expect(stripe.standIn.count("/customers") - before).toBe(2);
  });

  it("a 429 whose Retry-After does not fit the budget is not retried", async () => {
    stripe.standIn.fail({ kind: "rate_limit", retryAfterSeconds: 30 }, { path: "/customers" });
    const before = stripe.standIn.count("/customers");
    const err = await read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceRateLimitedError);
    expect((err as SourceRateLimitedError).retryAfterMs).toBe(30_000);
    expect(stripe.standIn.count("/customers") - before).toBe(1);
  });

  it("a 500 with an HTML body and an api_error are unavailable, not retried when Stripe says not to", async () => {
    stripe.standIn.fail({ kind: "html_500" }, { path: "/customers", times: 1 });
    const html = await read().catch((e: unknown) => e);
    expect(html).toBeInstanceOf(SourceUnavailableError);
    expect(html).not.toBeInstanceOf(SourceKeyRejectedError);
    const before = stripe.standIn.count("/customers");
    stripe.standIn.fail({ kind: "api_error" }, { path: "/customers" });
    await expect(read()).rejects.toThrow(/api_error/);
    expect(stripe.standIn.count("/customers") - before).toBe(1);
  });

  it("a 401 (revoked key) and a permission_error are a rejected key, named as Stripe's", async () => {
    stripe.standIn.fail({ kind: "revoked" }, { path: "/customers", times: 1 });
    const revoked = await read().catch((e: unknown) => e);
    expect(revoked).toBeInstanceOf(SourceKeyRejectedError);
    expect((revoked as SourceKeyRejectedError).source).toBe("Stripe");
    stripe.standIn.fail({ kind: "permission_error" }, { path: "/customers", times: 1 });
    await expect(read()).rejects.toBeInstanceOf(SourceKeyRejectedError);
  });

  it("no answer by the deadline: did not answer in time, never retried", async () => {
    stripe.standIn.fail({ kind: "hang" }, { path: "/customers" });
    const before = stripe.standIn.count("/customers");
    const err = await read({ deadline: Date.now() + 1_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceNoAnswerError);
    expect((err as SourceNoAnswerError).timedOut).toBe(true);
    expect(stripe.standIn.count("/customers") - before).toBe(1);
  });

  it("an invalid request (Stripe refusing what the source sent) is unavailable and names the read, never the key", async () => {
    const source = sourceWith();
    const customer = (await source.findCustomer(DEMO_BILLING_CUSTOMER))!;
    const err = await source.getUsageSeries(customer, "mtr_DemoApiCalls", { from: new Date(NOW.getTime() - 5 * DAY), to: NOW }).catch((e: unknown) => e);
    // A caller-given window is day-aligned too: this one reads.
    expect(err).toMatchObject({ featureId: "mtr_DemoApiCalls" });
    stripe.standIn.fail({ kind: "permission_error" }, { path: "/billing/meters" });
    const failed = await sourceWith({ cache: new TtlCache(1, 1) }).getFeatureEntitlements(customer, {}).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SourceKeyRejectedError);
    expect(String((failed as Error).message)).not.toContain(DEMO_BILLING_KEY);
  });
});

/** The stand-in's events in [from, now): every 6 h from 01:00 UTC, 190 on weekdays, 60 at weekends. */
function expectedUsage(from: number, now: number): number {
  let total = 0;
  for (let t = from - (from % DAY) - 30 * DAY + 3600e3; t < now; t += 6 * 3600e3) {
    if (t < from) continue;
    const d = new Date(t).getUTCDay();
    total += d === 0 || d === 6 ? 60 : 190;
  }
  return total;
}
