import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CustomerResult, type EntitlementList, STRIPE_BILLING_NOT_FOUND, type SourceFailure, type SubscriptionList } from "@/contract";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { call, data, errorOf } from "../support/signedApi";
import { startStripeBillingStandIn, type StripeBillingLoopback } from "../standins/stripeBilling";
import { accounts, DEMO_BILLING_CUSTOMER, DEMO_BILLING_KEY, keys, OTHER_CUSTOMER, OTHER_KEY } from "../sources/stripe/fixture";

useAppWithFreshDatabase();

// Two Stripe accounts, each linked to a Stripe Billing workspace with its own restricted key.
const ACCOUNT_A = "acct_BillingA";
const ACCOUNT_B = "acct_BillingB";
let stripe: StripeBillingLoopback;

beforeAll(async () => {
  stripe = await startStripeBillingStandIn(accounts(new Date()), keys);
  const { getDb } = await import("@/server/db/client");
  const { getConfig } = await import("@/server/config");
  const { keyringFor } = await import("@/server/crypto/keyring");
  const { seal } = await import("@/server/crypto/seal");
  const { stripeApiKeyContext } = await import("@/server/oauth/stripeBillingWorkspace");
  const db = await getDb();
  for (const [id, account, key] of [
    ["ws_billing_a", ACCOUNT_A, DEMO_BILLING_KEY],
    ["ws_billing_b", ACCOUNT_B, OTHER_KEY],
  ] as const) {
    await db.workspace.create({
      data: {
        id,
        sourceKind: "stripe_billing",
        displayName: `Stripe Billing ${id}`,
        stiggAppBaseUrl: "https://dashboard.stripe.com",
        stripeApiUrl: stripe.url,
        stripeApiKeySealed: seal(key, stripeApiKeyContext(id), keyringFor(getConfig())),
      },
    });
    await db.stripeAccountLink.create({ data: { stripeAccountId: account, livemode: false, workspaceId: id, scope: "stripe_apps" } });
  }
});
afterEach(() => stripe.standIn.clearFaults());
afterAll(() => stripe?.close());

type Failed = { message: string; data: { code: string; correlationId: string; failure?: SourceFailure; stiggUrl?: string } };

describe("a Stripe account linked to its own Stripe Billing data", () => {
  it("sees the kind, the customer, subscriptions and entitlements", async () => {
    const customer = data((await call<CustomerResult>("getCustomer", { stripeCustomerId: DEMO_BILLING_CUSTOMER }, ACCOUNT_A)).body);
    expect(customer).toMatchObject({ linked: true, workspaceKind: "stripe_billing", customer: { stripeCustomerId: DEMO_BILLING_CUSTOMER } });
    const subs = data((await call<SubscriptionList>("listSubscriptions", { stripeCustomerId: DEMO_BILLING_CUSTOMER }, ACCOUNT_A)).body);
    expect(subs.subscriptions.map((s) => s.planName)).toEqual(["Pro"]);
    const list = data((await call<EntitlementList>("getEntitlements", { stripeCustomerId: DEMO_BILLING_CUSTOMER }, ACCOUNT_A)).body);
    expect(list.entitlements.map((e) => e.kind).sort()).toEqual(["boolean", "boolean", "credits", "metered"]);
  });

  it("no request of one linked account carries the other's key, even when both read at once", async () => {
    const before = stripe.standIn.received.length;
    await Promise.all([
      call("getEntitlements", { stripeCustomerId: DEMO_BILLING_CUSTOMER, fresh: true }, ACCOUNT_A),
      call("getEntitlements", { stripeCustomerId: OTHER_CUSTOMER, fresh: true }, ACCOUNT_B),
      call("listSubscriptions", { stripeCustomerId: DEMO_BILLING_CUSTOMER, fresh: true }, ACCOUNT_A),
      call("listSubscriptions", { stripeCustomerId: OTHER_CUSTOMER, fresh: true }, ACCOUNT_B),
    ]);
    const sent = stripe.standIn.received.slice(before);
    const forA = sent.filter((r) => `${r.path}?${r.query}`.includes(DEMO_BILLING_CUSTOMER));
    const forB = sent.filter((r) => `${r.path}?${r.query}`.includes(OTHER_CUSTOMER));
    expect(forA.length).toBeGreaterThan(3);
    expect(forB.length).toBeGreaterThan(3);
    expect(new Set(forA.map((r) => r.key))).toEqual(new Set([DEMO_BILLING_KEY]));
    expect(new Set(forB.map((r) => r.key))).toEqual(new Set([OTHER_KEY]));
    // B's workspace never reads A's customer, with any key.
    expect(sent.filter((r) => r.key === OTHER_KEY && `${r.path}?${r.query}`.includes(DEMO_BILLING_CUSTOMER))).toEqual([]);
  });

  it("a customer Stripe does not have (or deleted) is not found, in this kind's words, with no Stigg link", async () => {
    for (const id of ["cus_NotInStripe", "cus_DemoBillingDeleted"]) {
      const err = errorOf((await call("getCustomer", { stripeCustomerId: id }, ACCOUNT_A)).body) as unknown as Failed;
      expect(err.data.code).toBe("NOT_FOUND");
      expect(err.message).toBe(STRIPE_BILLING_NOT_FOUND);
      expect(err.data.stiggUrl).toBeUndefined();
    }
  });

  it("a key Stripe stops accepting: FORBIDDEN with KEY_REJECTED and words a user can act on, the correlation id, not an internal error", async () => {
    stripe.standIn.fail({ kind: "revoked" }, { key: DEMO_BILLING_KEY });
    const { res, body } = await call("getCustomer", { stripeCustomerId: DEMO_BILLING_CUSTOMER, fresh: true }, ACCOUNT_A);
    const err = errorOf(body) as unknown as Failed;
    expect(res.status).toBe(403);
    expect(err.data.code).toBe("FORBIDDEN");
    expect(err.data.failure).toEqual({ part: "customer", code: "KEY_REJECTED" });
    expect(err.message).toBe("The restricted key no longer opens this Stripe account; link it again.");
    expect(err.data.correlationId).toMatch(/.+/);
    // The other account, with its own key, still reads.
    expect((await call("getCustomer", { stripeCustomerId: OTHER_CUSTOMER, fresh: true }, ACCOUNT_B)).res.status).toBe(200);
  });

  it("a permission cut from the key fails only the part that needs it", async () => {
    stripe.standIn.fail({ kind: "permission_error" }, { path: "/billing/credit", key: DEMO_BILLING_KEY });
    const list = data((await call<EntitlementList>("getEntitlements", { stripeCustomerId: DEMO_BILLING_CUSTOMER, fresh: true }, ACCOUNT_A)).body);
    expect(list.entitlements.map((e) => e.kind)).not.toContain("credits");
    expect(list.failures).toEqual([
      expect.objectContaining({ part: "credits", code: "KEY_REJECTED", message: "Credit balances not loaded: The restricted key no longer opens this Stripe account; link it again." }),
    ]);
  });

  it("rate limited past one retry: TOO_MANY_REQUESTS naming Stripe", async () => {
    stripe.standIn.fail({ kind: "rate_limit", retryAfterSeconds: 30 }, { path: "/subscriptions", key: DEMO_BILLING_KEY });
    const { body } = await call("listSubscriptions", { stripeCustomerId: DEMO_BILLING_CUSTOMER, fresh: true }, ACCOUNT_A);
    const err = errorOf(body) as unknown as Failed;
    expect(err.data.code).toBe("TOO_MANY_REQUESTS");
    expect(err.data.failure).toEqual({ part: "subscriptions", code: "RATE_LIMITED", retryAfter: 30 });
    expect(err.message).toMatch(/^Stripe is rate-limiting this account; try again in 30 s/);
  });

  it("a 500 with an HTML body: the typed internal failure, the host still serving", async () => {
    stripe.standIn.fail({ kind: "html_500" }, { path: "/customers", key: DEMO_BILLING_KEY, times: 1 });
    const err = errorOf((await call("getCustomer", { stripeCustomerId: DEMO_BILLING_CUSTOMER, fresh: true }, ACCOUNT_A)).body) as unknown as Failed;
    expect(err.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", failure: { part: "customer", code: "SOURCE_UNAVAILABLE" } });
    expect((await call("getCustomer", { stripeCustomerId: DEMO_BILLING_CUSTOMER, fresh: true }, ACCOUNT_A)).res.status).toBe(200);
  });
});
