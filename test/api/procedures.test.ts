import { describe, expect, it } from "vitest";
import {
  entitlementList,
  subscriptionList,
  usageSeries,
  type CustomerResult,
  type Entitlement,
  type EntitlementList,
  type SubscriptionList,
  type UsageSeries,
} from "@/contract";
import {
  customers,
  ENTITLING_STATUSES,
  features,
  LINKED_ACCOUNT,
  plans,
  UNKNOWN_CUSTOMER,
  UNLINKED_ACCOUNT,
} from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, callBatch, data, errorOf, signedHeaders } from "../support/signedApi";

useAppWithFreshDatabase();

const planName = (id: string) => plans.find((p) => p.id === id)!.name;
const feature = (id: string) => features.find((f) => f.id === id)!;

/** What the seed says a customer is entitled to: features granted by entitling subscriptions. */
function expectedFeatureIds(c: (typeof customers)[number], subscriptionId?: string): string[] {
  const subs = c.subscriptions.filter(
    (s) => ENTITLING_STATUSES.includes(s.status) && (!subscriptionId || s.id === subscriptionId),
  );
  const ids = new Set(subs.flatMap((s) => s.grants.map((g) => g.featureId as string)));
  for (const g of c.credits ?? []) {
    if (subscriptionId ? g.subscriptionId === subscriptionId : !g.subscriptionId || subs.some((s) => s.id === g.subscriptionId))
      ids.add(g.creditTypeId);
  }
  return [...ids].sort();
}

describe(`procedures on the demo data (${backend})`, () => {
  describe.each(customers)("$billingId", (c) => {
    it("getCustomer returns the customer with its Stigg link", async () => {
      const { res, body } = await call<CustomerResult>("getCustomer", { stripeCustomerId: c.billingId }, LINKED_ACCOUNT);
      expect(res.status).toBe(200);
      expect(data(body)).toEqual({
        linked: true,
        workspaceName: "Demo data",
        workspaceKind: "sandbox",
        customer: {
          stripeCustomerId: c.billingId,
          stiggCustomerId: c.id,
          name: c.name,
          email: c.email,
          stiggUrl: `https://app.stigg.io/customers/${c.id}`,
        },
      });
    });

    it("listSubscriptions returns every subscription with its plan and status", async () => {
      const { body } = await call<SubscriptionList>("listSubscriptions", { stripeCustomerId: c.billingId }, LINKED_ACCOUNT);
      const { subscriptions } = subscriptionList.parse(data(body));
      expect(subscriptions.map((s) => [s.id, s.planName, s.status]).sort()).toEqual(
        c.subscriptions.map((s) => [s.id, planName(s.planId), s.status]).sort(),
      );
      for (const s of subscriptions) {
        const seed = c.subscriptions.find((x) => x.id === s.id)!;
        expect(s.trialEndsAt !== null).toBe(seed.trialEndsDay !== undefined);
        expect(Date.parse(s.updatedAt)).toBeLessThanOrEqual(Date.now());
        expect(Date.parse(s.createdAt)).toBeLessThanOrEqual(Date.parse(s.updatedAt));
      }
    });

    it("getEntitlements returns one entitlement per feature of the entitling subscriptions", async () => {
      const { body } = await call<EntitlementList>("getEntitlements", { stripeCustomerId: c.billingId }, LINKED_ACCOUNT);
      const list = entitlementList.parse(data(body));
      expect(list.entitlements.map((e) => e.id).sort()).toEqual(expectedFeatureIds(c));
      expect(Math.abs(Date.parse(list.fetchedAt) - Date.now())).toBeLessThan(60_000);
      for (const e of list.entitlements) expectMatchesSeed(c, e);
    });

    it("getEntitlements for one subscription returns only what that subscription grants", async () => {
      for (const s of c.subscriptions) {
        const { body } = await call<EntitlementList>(
          "getEntitlements",
          { stripeCustomerId: c.billingId, subscriptionId: s.id },
          LINKED_ACCOUNT,
        );
        const list = data(body);
        expect(list.entitlements.map((e) => e.id).sort(), s.id).toEqual(expectedFeatureIds(c, s.id));
        for (const e of list.entitlements) expect(e.grantedBy.map((g) => g.subscriptionId)).toContain(s.id);
      }
    });
  });

  it("metered entitlements cross the thresholds the seed sets up", async () => {
    const { body } = await call<EntitlementList>("getEntitlements", { stripeCustomerId: "cus_DemoFull" }, LINKED_ACCOUNT);
    const byId = new Map(data(body).entitlements.map((e) => [e.id, e]));
    const ratio = (id: string) => {
      const e = byId.get(id);
      if (e?.kind !== "metered" || e.usageLimit === null) throw new Error(`${id} is not a limited meter`);
      return e.currentUsage / e.usageLimit;
    };
    expect(ratio("feature-active-users")).toBeLessThan(0.8);
    expect(ratio("feature-api-calls")).toBeGreaterThanOrEqual(0.8);
    expect(ratio("feature-api-calls")).toBeLessThan(1);
    expect(ratio("feature-workspaces")).toBe(1);
    expect(ratio("feature-seats")).toBeGreaterThan(1);
    expect(ratio("feature-ai-generations")).toBeGreaterThan(1);
    expect(byId.get("feature-ai-generations")).toMatchObject({ softLimit: true });
    expect(byId.get("feature-emails")).toMatchObject({ unlimited: true, usageLimit: null, currentUsage: 4321 });
  });

  it("projections come with the entitlements: only for limited events meters, over-limit said as such", async () => {
    const { body } = await call<EntitlementList>("getEntitlements", { stripeCustomerId: "cus_DemoFull" }, LINKED_ACCOUNT);
    const projection = (id: string) => {
      const e = data(body).entitlements.find((x) => x.id === id);
      if (e?.kind !== "metered") throw new Error(`${id} is not metered`);
      return e.projection;
    };
    expect(projection("feature-ai-generations")).toEqual({ status: "overLimit" });
    // Usage meters (levels), an unlimited one, and one that never resets: nothing to project.
    expect(projection("feature-active-users")).toBeNull();
    expect(projection("feature-seats")).toBeNull();
    expect(projection("feature-workspaces")).toBeNull();
    expect(projection("feature-emails")).toBeNull();
  });

  it("getUsageSeries returns daily points for the current period that add up to the current usage", async () => {
    const { body } = await call<UsageSeries>(
      "getUsageSeries",
      { stripeCustomerId: "cus_DemoFull", featureId: "feature-api-calls" },
      LINKED_ACCOUNT,
    );
    const series = usageSeries.parse(data(body));
    const ents = data((await call<EntitlementList>("getEntitlements", { stripeCustomerId: "cus_DemoFull" }, LINKED_ACCOUNT)).body);
    const api = ents.entitlements.find((e) => e.id === "feature-api-calls");
    if (api?.kind !== "metered") throw new Error("feature-api-calls must be metered");
    expect(series.from).toBe(api.currentPeriodStart);
    expect(series.to).toBe(api.currentPeriodEnd);
    expect(series.points.length).toBeGreaterThan(0);
    expect(series.points.reduce((a, p) => a + p.value, 0)).toBe(85000);
    const days = series.points.map((p) => p.timestamp);
    expect(new Set(days).size).toBe(days.length);
    expect([...days].sort()).toEqual(days);
  });

  it("getUsageSeries over a window spanning two periods carries the reset marker between them", async () => {
    const ents = data((await call<EntitlementList>("getEntitlements", { stripeCustomerId: "cus_DemoFull" }, LINKED_ACCOUNT)).body);
    const api = ents.entitlements.find((e) => e.id === "feature-api-calls");
    if (api?.kind !== "metered" || !api.currentPeriodStart || !api.currentPeriodEnd) throw new Error("needs a period");
    const from = new Date(Date.parse(api.currentPeriodStart) - 10 * 864e5).toISOString();
    const { body } = await call<UsageSeries>(
      "getUsageSeries",
      { stripeCustomerId: "cus_DemoFull", featureId: "feature-api-calls", from, to: api.currentPeriodEnd },
      LINKED_ACCOUNT,
    );
    const series = data(body);
    expect(series.resetMarkers).toEqual([api.currentPeriodStart]);
    expect(series.points.some((p) => p.timestamp < api.currentPeriodStart!)).toBe(true);
  });

  it("getUsageSeries for a usage meter returns the day's reading, ending at the current usage", async () => {
    const { body } = await call<UsageSeries>(
      "getUsageSeries",
      { stripeCustomerId: "cus_DemoFull", featureId: "feature-active-users" },
      LINKED_ACCOUNT,
    );
    expect(data(body).points.at(-1)?.value).toBe(250);
  });

  it("getUsageSeries is empty when there is no usage data", async () => {
    const { body } = await call<UsageSeries>(
      "getUsageSeries",
      { stripeCustomerId: "cus_DemoNoUsage", featureId: "feature-api-calls" },
      LINKED_ACCOUNT,
    );
    expect(data(body).points).toEqual([]);
  });

  it("getUsageSeries for a feature the customer is not metered on is NOT_FOUND", async () => {
    const { res, body } = await call("getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "feature-sso" }, LINKED_ACCOUNT);
    expect(res.status).toBe(404);
    expect(errorOf(body).data.code).toBe("NOT_FOUND");
  });

  it("an unknown customer is NOT_FOUND with the Stigg link, on every procedure", async () => {
    for (const procedure of ["getCustomer", "listSubscriptions", "getEntitlements"] as const) {
      const { res, body } = await call(procedure, { stripeCustomerId: UNKNOWN_CUSTOMER }, LINKED_ACCOUNT);
      expect(res.status).toBe(404);
      expect(errorOf(body).message).toBe("Customer not found - Stripe customer not found in Stigg");
      // The workspace's kind comes with it: the drawer's 404 names the source it looked in.
      expect(errorOf(body).data).toMatchObject({ code: "NOT_FOUND", stiggUrl: "https://app.stigg.io/customers", workspaceKind: "sandbox" });
      expect(errorOf(body).data.correlationId).toBe(res.headers.get("X-Correlation-Id"));
    }
  });

  it("an unlinked account gets the Gate answer from getCustomer and PRECONDITION_FAILED elsewhere", async () => {
    const { body } = await call<CustomerResult>("getCustomer", { stripeCustomerId: "cus_DemoFull" }, UNLINKED_ACCOUNT);
    // Sandbox mode offers the Stripe Billing kind unless STRIPE_BILLING_SOURCE=off: the same page, set to it.
    expect(data(body)).toEqual({
      linked: false,
      connectUrl: `http://localhost:3000/connect?account=${UNLINKED_ACCOUNT}`,
      stripeBillingConnectUrl: `http://localhost:3000/connect?account=${UNLINKED_ACCOUNT}&kind=stripe_billing`,
    });
    const { res, body: other } = await call("getEntitlements", { stripeCustomerId: "cus_DemoFull" }, UNLINKED_ACCOUNT);
    expect(res.status).toBe(412);
    expect(errorOf(other).data.code).toBe("PRECONDITION_FAILED");
    // Not linked: no kind to name.
    expect(errorOf(other).data).not.toHaveProperty("workspaceKind");
  });

  it("serves the drawer's first paint in one batched request", async () => {
    const input = { stripeCustomerId: "cus_DemoFull" };
    const res = await callBatch(
      [
        { procedure: "getCustomer", input },
        { procedure: "listSubscriptions", input },
        { procedure: "getEntitlements", input },
      ],
      signedHeaders(LINKED_ACCOUNT),
    );
    expect(res.status).toBe(200);
    const bodies = (await res.json()) as { result: { data: unknown } }[];
    expect(bodies).toHaveLength(3);
    expect(bodies.every((b) => b.result.data)).toBe(true);
  });

  it("answers CORS for the null-origin extension and exposes the correlation id", async () => {
    const { handleApiRequest } = await import("@/server/api/handler");
    const res = await handleApiRequest(
      new Request("http://localhost/api/trpc/getCustomer", {
        method: "OPTIONS",
        headers: { Origin: "null", "Access-Control-Request-Method": "GET" },
      }),
    );
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Headers")).toContain("Stripe-Signature");
    expect(res.headers.get("Access-Control-Expose-Headers")).toBe("X-Correlation-Id");
    expect(res.headers.get("X-Correlation-Id")).toBeTruthy();
  });
});

/** Checks one returned entitlement against the seed's grants for it. */
function expectMatchesSeed(c: (typeof customers)[number], e: Entitlement) {
  if (e.kind === "credits") {
    const grants = (c.credits ?? []).filter((g) => g.creditTypeId === e.id);
    const granted = grants.reduce((a, g) => a + g.amount, 0);
    const consumed = grants.reduce((a, g) => a + g.consumed, 0);
    expect(e).toMatchObject({ totalGranted: granted, totalConsumed: consumed, currentBalance: granted - consumed, unit: "credits" });
    // A grant to the customer itself (no subscription) is in the totals and said to be.
    expect(e.hasCustomerLevelGrant).toBe(grants.some((g) => g.subscriptionId === null));
    return;
  }
  const grants = c.subscriptions
    .filter((s) => ENTITLING_STATUSES.includes(s.status))
    .flatMap((s) => s.grants.filter((g) => g.featureId === e.id).map((g) => ({ ...g, subscriptionId: s.id, plan: planName(s.planId) })));
  const f = feature(e.id);
  expect(e.name).toBe(f.name);
  expect(e.kind).toBe(f.kind);
  expect(e.grantedBy).toEqual(grants.map((g) => ({ subscriptionId: g.subscriptionId, planName: g.plan })));
  const g = grants[0]!;
  switch (e.kind) {
    case "boolean":
      expect(e.enabled).toBe(g.enabled);
      break;
    case "numeric":
      expect(e.unlimited).toBe(!!g.hasUnlimited);
      expect(e.value).toBe(g.hasUnlimited ? null : (g.numberValue ?? g.stringValue));
      expect(e.unit).toEqual("unit" in f ? { singular: f.unit[0], plural: f.unit[1] } : null);
      break;
    case "metered":
      if (f.kind !== "metered") throw new Error("kind mismatch");
      expect(e).toMatchObject({
        meterKind: f.meterKind,
        currentUsage: g.usage ?? 0,
        usageLimit: g.hasUnlimited ? null : g.usageLimit,
        unlimited: !!g.hasUnlimited,
        softLimit: !!g.hasSoftLimit,
        unit: { singular: f.unit[0], plural: f.unit[1] },
        resetPeriod: g.resetPeriod ?? null,
      });
      expect(e.currentPeriodStart === null).toBe(!g.resetPeriod);
      break;
  }
}
