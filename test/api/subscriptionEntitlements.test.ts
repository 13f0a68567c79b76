import { describe, expect, it } from "vitest";
import type { EntitlementList, SubscriptionEntitlementsResult } from "@/contract";
import { customers, LINKED_ACCOUNT, UNLINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, data, errorOf } from "../support/signedApi";

useAppWithFreshDatabase();

const acme = customers.find((c) => c.billingId === "cus_DemoFull")!;
const seats = acme.subscriptions.find((s) => s.id === "sub_DemoFullSeats")!;
const legacy = acme.subscriptions.find((s) => s.id === "sub_DemoFullLegacy")!;

const read = async (stripeSubscriptionId: string, account = LINKED_ACCOUNT) =>
  data((await call<SubscriptionEntitlementsResult>("getSubscriptionEntitlements", { stripeSubscriptionId }, account)).body);

describe(`getSubscriptionEntitlements: the Stripe subscription page (${backend})`, () => {
  it("answers what the subscription billed through that Stripe subscription grants, and whose it is", async () => {
    const result = await read(seats.billingId!);
    expect(result.status).toBe("managed");
    if (result.status !== "managed") return;
    expect(result.workspaceKind).toBe("sandbox");
    expect(result.subscription).toMatchObject({ id: seats.id, status: "IN_TRIAL" });
    expect(result.customer).toMatchObject({ stripeCustomerId: "cus_DemoFull", name: "Acme Corp" });
    // The same as the customer drawer's Subscription drawer shows for that subscription.
    const drawer = data(
      (await call<EntitlementList>("getEntitlements", { stripeCustomerId: "cus_DemoFull", subscriptionId: seats.id }, LINKED_ACCOUNT)).body,
    );
    expect(result.entitlements.entitlements).toEqual(drawer.entitlements);
    expect(result.entitlements.entitlements.map((e) => e.id).sort()).toEqual(seats.grants.map((g) => g.featureId).sort());
    expect(result.entitlements.failures).toEqual([]);
  });

  it("a subscription that no longer entitles shows none", async () => {
    const result = await read(legacy.billingId!);
    expect(result.status === "managed" && result.entitlements.entitlements).toEqual([]);
  });

  it("the source's own subscription id is not a billing id: not managed", async () => {
    // sub_DemoFullPro is the sandbox's own id, and well formed as a Stripe id.
    const result = await read("sub_DemoFullPro");
    expect(result).toEqual({
      status: "notManaged",
      workspaceName: expect.any(String),
      workspaceKind: "sandbox",
      message: "This subscription is not managed by Stigg",
    });
  });

  it("unlinked is the Gate, with this account's connect URL", async () => {
    const result = await read(seats.billingId!, UNLINKED_ACCOUNT);
    expect(result.status).toBe("unlinked");
    expect(result.status === "unlinked" && new URL(result.connectUrl).searchParams.get("account")).toBe(UNLINKED_ACCOUNT);
    const stripeBilling = result.status === "unlinked" && result.stripeBillingConnectUrl ? new URL(result.stripeBillingConnectUrl) : null;
    expect(stripeBilling && Object.fromEntries(stripeBilling.searchParams)).toEqual({ account: UNLINKED_ACCOUNT, kind: "stripe_billing" });
  });

  it("anything but a sub_ id is a BAD_REQUEST naming the field", async () => {
    for (const bad of ["cus_DemoFull", "sub_", "sub_with space", "x".repeat(80)]) {
      const { res, body } = await call("getSubscriptionEntitlements", { stripeSubscriptionId: bad }, LINKED_ACCOUNT);
      expect(res.status, bad).toBe(400);
      expect(errorOf(body).data.issues?.[0]?.path).toEqual(["stripeSubscriptionId"]);
    }
  });
});
