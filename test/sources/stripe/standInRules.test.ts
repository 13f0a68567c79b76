import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRestrictedKey } from "@/server/sources/stripe/keyCheck";
import { startStripeBillingStandIn, type StripeBillingLoopback } from "../../standins/stripeBilling";
import { accounts, DEMO_BILLING_ACCOUNT, DEMO_BILLING_CUSTOMER, DEMO_BILLING_KEY, keys, LIVE_KEY, NARROW_KEY, NO_ACCOUNT_KEY, NOW, OTHER_KEY } from "./fixture";

let stripe: StripeBillingLoopback;
beforeAll(async () => {
  stripe = await startStripeBillingStandIn(accounts(NOW), keys);
});
afterAll(() => stripe?.close());

async function get(path: string, headers: Record<string, string> = { authorization: `Bearer ${DEMO_BILLING_KEY}` }) {
  const res = await fetch(`${stripe.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as { error?: { type: string; code?: string; message: string } } & Record<string, unknown> };
}

describe("the stand-in refuses what Stripe refuses, in Stripe's error shape", () => {
  it("no key, an unknown key, a key of no known shape: 401", async () => {
    expect(await get("/customers/cus_DemoBilling", {})).toMatchObject({ status: 401, body: { error: { type: "invalid_request_error" } } });
    const unknown = await get("/customers/cus_DemoBilling", { authorization: "Bearer rk_test_Unknown" });
    expect(unknown).toMatchObject({ status: 401, body: { error: { type: "invalid_request_error", code: "api_key_invalid" } } });
    expect(unknown.body.error!.message).not.toContain("rk_test_Unknown");
    expect((await get("/customers/cus_DemoBilling", { authorization: "Bearer pk_test_Nope" })).status).toBe(401);
  });

  it("answers with the key's mode", async () => {
    expect((await get("/customers/cus_DemoBilling")).body.livemode).toBe(false);
    expect((await get("/customers/cus_DemoBilling", { authorization: `Bearer ${LIVE_KEY}` })).body.livemode).toBe(true);
  });

  it("a malformed Stripe-Version, or one it does not speak: 400", async () => {
    const auth = { authorization: `Bearer ${DEMO_BILLING_KEY}` };
    expect(await get("/customers/cus_DemoBilling", { ...auth, "stripe-version": "yesterday" })).toMatchObject({ status: 400, body: { error: { code: "api_version_invalid" } } });
    expect((await get("/customers/cus_DemoBilling", { ...auth, "stripe-version": "2020-08-27" })).status).toBe(400);
    expect((await get("/customers/cus_DemoBilling", { ...auth, "stripe-version": Stripe.API_VERSION })).status).toBe(200);
  });

  it("expansions deeper than 4 levels, or of a property that cannot be expanded: 400", async () => {
    const deep = await get(`/subscriptions?customer=${DEMO_BILLING_CUSTOMER}&expand[]=data.items.data.price.product`);
    expect(deep).toMatchObject({ status: 400, body: { error: { type: "invalid_request_error" } } });
    expect(deep.body.error!.message).toMatch(/more than 4 levels/);
    expect((await get(`/prices/price_DemoApiCalls?expand[]=currency`)).status).toBe(400);
    const tiers = await get(`/prices/price_DemoApiCalls?expand[]=tiers`);
    expect(tiers.body.tiers).toHaveLength(2);
    expect((await get(`/prices/price_DemoApiCalls`)).body.tiers).toBeUndefined();
  });

  it("list limits outside 1..100: 400", async () => {
    expect((await get(`/subscriptions?limit=0`)).status).toBe(400);
    expect((await get(`/subscriptions?limit=101`)).body.error?.code).toBe("parameter_invalid_integer");
    expect((await get(`/subscriptions?limit=100`)).status).toBe(200);
  });

  it("meter event summaries: day-aligned (UTC) windows for daily grouping, minute-aligned otherwise", async () => {
    const day = Date.UTC(2026, 5, 1) / 1000;
    const path = (start: number, end: number, grouping?: string) =>
      `/billing/meters/mtr_DemoApiCalls/event_summaries?customer=${DEMO_BILLING_CUSTOMER}&start_time=${start}&end_time=${end}${grouping ? `&value_grouping_window=${grouping}` : ""}`;
    expect((await get(path(day, day + 86_400, "day"))).status).toBe(200);
    expect(await get(path(day + 3600, day + 86_400, "day"))).toMatchObject({ status: 400, body: { error: { type: "invalid_request_error" } } });
    expect((await get(path(day + 60, day + 120))).status).toBe(200);
    expect((await get(path(day + 30, day + 120))).status).toBe(400);
  });

  it("a restricted key without a resource's permission: 403 permission_error", async () => {
    expect(await get("/billing/meters", { authorization: `Bearer ${NARROW_KEY}` })).toMatchObject({ status: 403, body: { error: { type: "permission_error" } } });
  });
});

describe("checking a pasted restricted key", () => {
  const check = (apiKey: string, options: { accountId?: string; livemode?: boolean } = {}) =>
    checkRestrictedKey({ apiKey, accountId: options.accountId ?? DEMO_BILLING_ACCOUNT, livemode: options.livemode ?? false, apiUrl: stripe.url });

  it("accepts a test-mode restricted key of the installing account that reads everything", async () => {
    expect(await check(DEMO_BILLING_KEY)).toEqual({ ok: true });
  });

  it("refuses a secret key, and a key of the other mode, before asking Stripe", async () => {
    const before = stripe.standIn.received.length;
    expect(await check("sk_test_Secret")).toMatchObject({ ok: false, problem: "not_restricted" });
    expect(await check(LIVE_KEY)).toMatchObject({ ok: false, problem: "wrong_mode", message: expect.stringContaining("rk_test_") });
    expect(await check(DEMO_BILLING_KEY, { livemode: true })).toMatchObject({ ok: false, problem: "wrong_mode" });
    expect(stripe.standIn.received.length).toBe(before);
  });

  it("names the resources the key cannot read", async () => {
    expect(await check(NARROW_KEY)).toMatchObject({ ok: false, problem: "missing_permissions", cannotRead: ["Billing meters", "Credit grants"] });
  });

  it("refuses a key of another account, and one whose account it cannot tell", async () => {
    expect(await check(OTHER_KEY)).toMatchObject({ ok: false, problem: "other_account" });
    expect(await check(NO_ACCOUNT_KEY)).toMatchObject({ ok: false, problem: "missing_permissions", cannotRead: [] });
  });

  it("refuses a key Stripe does not know", async () => {
    expect(await check("rk_test_Revoked")).toMatchObject({ ok: false, problem: "rejected" });
  });
});
