import { beforeAll, describe, expect, it } from "vitest";
import type { CustomerResult, EntitlementList, SubscriptionEntitlementsResult, SubscriptionList } from "@/contract";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, data, errorOf } from "../support/signedApi";

useAppWithFreshDatabase();

const OTHER_ACCOUNT = "acct_OtherTenant";
const OTHER_CUSTOMER = "cus_OtherTenantOnly";

// A second workspace, linked to another account, with a customer of its own and a
// customer that reuses a billing id of the sandbox workspace.
beforeAll(async () => {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const ts = new Date();
  await db.workspace.create({
    data: {
      id: "ws_other",
      sourceKind: "sandbox",
      displayName: "Other tenant",
      stiggAppBaseUrl: "https://app.stigg.io",
      links: { create: { stripeAccountId: OTHER_ACCOUNT, livemode: false, scope: "stripe_apps" } },
      plans: { create: { id: "other-plan", name: "Other plan" } },
      features: { create: { id: "other-feature", name: "Other secret feature", kind: "boolean" } },
      customers: {
        create: [
          { id: "other-customer", billingId: OTHER_CUSTOMER, name: "Other Co", email: null, createdAt: ts, updatedAt: ts },
          { id: "other-shadow", billingId: "cus_DemoFull", name: "Shadow of Acme", email: null, createdAt: ts, updatedAt: ts },
        ],
      },
    },
  });
  for (const [customerId, subId] of [["other-customer", "sub_OtherTenant"], ["other-shadow", "sub_OtherShadow"]] as const) {
    await db.subscription.create({
      data: {
        id: subId,
        billingId: `sub_1${subId.slice(4)}Billed`,
        customerId,
        planId: "other-plan",
        status: "ACTIVE",
        startDate: ts,
        createdAt: ts,
        updatedAt: ts,
        grants: { create: { id: `${subId}:other-feature`, featureId: "other-feature", enabled: true } },
      },
    });
  }
});

describe(`tenancy: the verified account decides the workspace (${backend})`, () => {
  it("account A cannot read a customer that exists only in B's workspace", async () => {
    for (const procedure of ["getCustomer", "listSubscriptions", "getEntitlements"] as const) {
      const { res, body } = await call(procedure, { stripeCustomerId: OTHER_CUSTOMER }, LINKED_ACCOUNT);
      expect(res.status, procedure).toBe(404);
      expect(errorOf(body).data.code).toBe("NOT_FOUND");
    }
    const { res } = await call("getUsageSeries", { stripeCustomerId: OTHER_CUSTOMER, featureId: "feature-api-calls" }, LINKED_ACCOUNT);
    expect(res.status).toBe(404);
  });

  it("the same Stripe customer id resolves to each account's own customer", async () => {
    const mine = data((await call<CustomerResult>("getCustomer", { stripeCustomerId: "cus_DemoFull" }, LINKED_ACCOUNT)).body);
    const theirs = data((await call<CustomerResult>("getCustomer", { stripeCustomerId: "cus_DemoFull" }, OTHER_ACCOUNT)).body);
    expect(mine.linked && mine.customer.name).toBe("Acme Corp");
    expect(theirs.linked && theirs.customer.name).toBe("Shadow of Acme");

    const subs = data((await call<SubscriptionList>("listSubscriptions", { stripeCustomerId: "cus_DemoFull" }, OTHER_ACCOUNT)).body);
    expect(subs.subscriptions.map((s) => s.id)).toEqual(["sub_OtherShadow"]);
    const ents = data((await call<EntitlementList>("getEntitlements", { stripeCustomerId: "cus_DemoFull" }, OTHER_ACCOUNT)).body);
    expect(ents.entitlements.map((e) => e.id)).toEqual(["other-feature"]);
  });

  it("another tenant's Stripe subscription is not managed here, and is there", async () => {
    const input = { stripeSubscriptionId: "sub_1OtherTenantBilled" };
    const mine = data((await call<SubscriptionEntitlementsResult>("getSubscriptionEntitlements", input, LINKED_ACCOUNT)).body);
    expect(mine.status).toBe("notManaged");
    const theirs = data((await call<SubscriptionEntitlementsResult>("getSubscriptionEntitlements", input, OTHER_ACCOUNT)).body);
    expect(theirs.status === "managed" && [theirs.subscription.id, theirs.entitlements.entitlements.map((e) => e.id)]).toEqual([
      "sub_OtherTenant",
      ["other-feature"],
    ]);
  });

  it("naming another tenant's subscription id yields nothing from it", async () => {
    const { body } = await call<EntitlementList>(
      "getEntitlements",
      { stripeCustomerId: "cus_DemoFull", subscriptionId: "sub_OtherShadow" },
      LINKED_ACCOUNT,
    );
    expect(data(body).entitlements).toEqual([]);
  });

  it("naming another tenant's feature id yields no usage", async () => {
    const { res } = await call("getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "other-feature" }, LINKED_ACCOUNT);
    expect(res.status).toBe(404);
  });
});
