import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerResult, LinksResult, SubscriptionEntitlementsResult } from "@/contract";
import { UNLINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, data } from "../support/signedApi";

// Registered before the store opens, so the configuration is first read with it.
beforeAll(() => {
  process.env.STRIPE_BILLING_SOURCE = "off";
});
afterAll(() => {
  delete process.env.STRIPE_BILLING_SOURCE;
});
useAppWithFreshDatabase();

describe(`STRIPE_BILLING_SOURCE=off (${backend})`, () => {
  it("offers no Stripe Billing link anywhere the Gate is answered, and the connect page as before", async () => {
    const customer = data((await call<CustomerResult>("getCustomer", { stripeCustomerId: "cus_DemoFull" }, UNLINKED_ACCOUNT)).body);
    expect(customer).toEqual({
      linked: false,
      connectUrl: `http://localhost:3000/connect?account=${UNLINKED_ACCOUNT}`,
      stripeBillingConnectUrl: null,
    });
    const page = data(
      (await call<SubscriptionEntitlementsResult>("getSubscriptionEntitlements", { stripeSubscriptionId: "sub_DemoAny" }, UNLINKED_ACCOUNT)).body,
    );
    expect(page).toMatchObject({ status: "unlinked", stripeBillingConnectUrl: null });
    const links = data((await call<LinksResult>("getLinks", {}, UNLINKED_ACCOUNT)).body);
    expect(links).toMatchObject({ links: [], stripeBillingConnectUrl: null });
  });
});
