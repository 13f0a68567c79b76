import { Badge, ContextView } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import type { SubscriptionEntitlementsResult } from "@/contract";
import SubscriptionDetailView from "../../src/views/SubscriptionDetailView";
import { FakeHost, internalError } from "../support/fakeHost";
import { acme, CUSTOMER_ID, SEATS, seatsEntitlements, seatsSubscription, series } from "../support/fixtures";
import { button, link, refreshButton, shownEntitlementNames } from "../support/queries";
import { renderView } from "../support/renderView";

const STRIPE_SUB = "sub_1DemoAcmeSeatsStripe";
const PAGE = {
  component: SubscriptionDetailView,
  viewportID: "stripe.dashboard.subscription.detail",
  object: { id: STRIPE_SUB, object: "subscription" },
};
const CONNECT_URL = "http://localhost:3000/connect?account=acct_DemoLinked";


const managed = (): SubscriptionEntitlementsResult => ({
  status: "managed",
  workspaceName: "Demo data",
  workspaceKind: "sandbox",
  customer: acme,
  subscription: seatsSubscription,
  entitlements: seatsEntitlements(),
});

describe("Subscription page (stripe.dashboard.subscription.detail)", () => {
  it("asks by the page's Stripe subscription id and shows the subscription's fields and entitlements in one request", async () => {
    const host = new FakeHost()
      .on("getSubscriptionEntitlements", () => managed())
      .on("getUsageSeries", (input) => series([], input.featureId));
    const view = renderView(host, { view: PAGE });
    await view.untilText("Single sign-on");
    await view.settled();
    expect(host.requests[0]!.calls).toEqual([{ procedure: "getSubscriptionEntitlements", input: { stripeSubscriptionId: STRIPE_SUB } }]);
    for (const text of ["Plan name", "Extra Seats", "Status", "Customer", "Created at", "Last updated"]) {
      expect(view.wrapper).toContainText(text);
    }
    // The page is named by Stripe's id: both ids, each labelled with whose it is.
    expect(view.wrapper).toContainText(`Stripe subscription ID${STRIPE_SUB}`);
    expect(view.wrapper).toContainText(`Stigg subscription ID${SEATS.subscriptionId}`);
    expect(view.wrapper.find(ContextView)).toHaveProps({ title: "Subscription entitlements" });
    expect(link(view.wrapper, `Acme Corp (${acme.stiggCustomerId})`)).toHaveProps({ href: acme.stiggUrl });
    expect(view.wrapper.findAll(Badge).length).toBeGreaterThan(0);
    expect(shownEntitlementNames(view.wrapper)).toEqual(["Seats", "Single sign-on"]);
    expect(view.wrapper).toContainText("12 / 10 seats");
    // Its entitlements came with the first answer: no second read of them.
    expect(host.calls.map((c) => c.procedure)).not.toContain("getEntitlements");
  });

  it("the refresh icon re-reads that subscription's entitlements for its customer, fresh", async () => {
    const host = new FakeHost()
      .on("getSubscriptionEntitlements", () => managed())
      .on("getEntitlements", () => seatsEntitlements())
      .on("getUsageSeries", (input) => series([], input.featureId));
    const view = renderView(host, { view: PAGE });
    await view.untilText("Single sign-on");
    await view.settled();
    await refreshButton(view.wrapper).trigger("onPress");
    await view.settled();
    expect(host.calls).toContainEqual({
      procedure: "getEntitlements",
      input: { stripeCustomerId: CUSTOMER_ID, subscriptionId: SEATS.subscriptionId, fresh: true },
    });
  });

  it("says the subscription is not managed by Stigg when none is billed through it", async () => {
    const host = new FakeHost().on("getSubscriptionEntitlements", () => ({
      status: "notManaged" as const,
      workspaceName: "Demo data",
      workspaceKind: "sandbox" as const,
      message: "This subscription is not managed by Stigg",
    }));
    const view = renderView(host, { view: PAGE });
    await view.untilText("This subscription is not managed by Stigg");
    expect(view.wrapper).not.toContainText("Plan name");
    await view.until(() => view.wrapper.find(ContextView)!.props.title === "Not managed by Stigg", "the title");
  });

  it("unlinked: the Gate", async () => {
    const host = new FakeHost().on("getSubscriptionEntitlements", () => ({ status: "unlinked" as const, connectUrl: CONNECT_URL, stripeBillingConnectUrl: null }));
    const view = renderView(host, { view: PAGE });
    await view.untilText("Manage entitlements with Stigg");
    expect(button(view.wrapper, "Connect Stigg")).toHaveProps({ href: CONNECT_URL, target: "_blank" });
  });

  it("unlinked where the host offers the Stripe Billing kind: the Gate with its secondary action", async () => {
    const stripeBillingConnectUrl = `${CONNECT_URL}&kind=stripe_billing`;
    const host = new FakeHost().on("getSubscriptionEntitlements", () => ({ status: "unlinked" as const, connectUrl: CONNECT_URL, stripeBillingConnectUrl }));
    const view = renderView(host, { view: PAGE });
    await view.untilText("Manage entitlements with Stigg");
    expect(button(view.wrapper, "Use this account's Stripe Billing data")).toHaveProps({ type: "secondary", href: stripeBillingConnectUrl });
  });

  it("a failed read is App Failed to Load with the correlation id and a Retry", async () => {
    let down = true;
    const host = new FakeHost().on("getSubscriptionEntitlements", () => {
      if (down) throw internalError();
      return managed();
    });
    const view = renderView(host, { view: PAGE });
    await view.untilText("App Failed to Load");
    expect(view.wrapper).toContainText(host.requests[0]!.correlationId);
    down = false;
    await button(view.wrapper, "Retry").trigger("onPress");
    await view.untilText("Single sign-on");
  });
});
