import { Badge, FocusView, Link, Spinner } from "@stripe/ui-extension-sdk/ui";
import { focusManager } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { AccountLink, Customer, SubscriptionEntitlementsResult, WorkspaceKind } from "@/contract";
import AppSettingsView from "../../src/views/AppSettingsView";
import SubscriptionDetailView from "../../src/views/SubscriptionDetailView";
import { FakeHost, HostError, internalError, notLinked } from "../support/fakeHost";
import {
  acme,
  acmeInStripe,
  allSubscriptions,
  FETCHED_AT,
  fullList,
  linked,
  metered,
  PRO,
  seatsEntitlements,
  seatsSubscription,
} from "../support/fixtures";
import { banners, button, entitlementRow, link, openSubscription, rowIcon, type Root, type TreeNode } from "../support/queries";
import { renderView } from "../support/renderView";

// The product document's words name Stigg; a Stripe Billing workspace gets the same
// sentences, true for it. Each case is checked for both kinds.

const STIGG = { kind: "stigg" as const, customer: acme };
const STRIPE_BILLING = { kind: "stripe_billing" as const, customer: acmeInStripe };

const STIGG_TOOLTIP = "Customer usage is determined by aggregation of reported events. Entitlement enforcement is near real-time.";

const viewInStigg = (root: Root | TreeNode) => root.findAll(Link).filter((l) => l.text === "View in Stigg");

function linkedHost(kind: WorkspaceKind, customer: Customer) {
  return new FakeHost()
    .on("getCustomer", () => linked(customer, kind))
    .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
    .on("getEntitlements", () => fullList());
}

describe("the drawer's spinner", () => {
  it.each([STIGG, STRIPE_BILLING])("for $kind: the product document's words before anything says the kind", async ({ kind, customer }) => {
    const host = linkedHost(kind, customer);
    host.hold();
    const view = renderView(host);
    await view.until(() => host.requests.length === 1, "the first request");
    expect(view.wrapper).toContainComponent(Spinner);
    expect(view.wrapper).toContainText("Loading Data From Stigg");
    host.resume();
    await view.untilText("Acme Corp");
  });

  it.each([
    [STIGG, "Loading Data From Stigg"],
    [STRIPE_BILLING, "Loading Data From Stripe Billing"],
  ])("for $kind: once getCustomer said the kind, a later wait names its source", async ({ kind, customer }, words) => {
    // Linked in another tab: the drawer learns the kind, then waits for the rest on its own request.
    let isLinked = false;
    let release = () => {};
    const rest = new Promise<void>((resolve) => (release = resolve));
    let linkedIn: string | null = null;
    const host = new FakeHost()
      .on("getCustomer", (_input, ctx) => {
        if (!isLinked) return { linked: false as const, connectUrl: "http://localhost:3000/connect", stripeBillingConnectUrl: null };
        linkedIn ??= ctx.correlationId;
        return linked(customer, kind);
      })
      .on("listSubscriptions", async (_input, ctx) => {
        if (!isLinked) throw notLinked();
        if (ctx.correlationId !== linkedIn) await rest;
        return { subscriptions: allSubscriptions };
      })
      .on("getEntitlements", async (_input, ctx) => {
        if (!isLinked) throw notLinked();
        if (ctx.correlationId !== linkedIn) await rest;
        return fullList();
      });
    const view = renderView(host);
    await view.untilText("Manage entitlements with Stigg");
    await view.settled();
    isLinked = true;
    focusManager.setFocused(false);
    focusManager.setFocused(undefined);
    await view.untilText(words);
    expect(view.wrapper).toContainComponent(Spinner);
    if (kind === "stripe_billing") expect(view.wrapper).not.toContainText("Stigg");
    release();
    await view.untilText("Last refresh on");
  });
});

describe("the customer header and the Subscription drawer", () => {
  it("for Stigg: View in Stigg, and the customer links to Stigg", async () => {
    const view = renderView(linkedHost(STIGG.kind, STIGG.customer));
    await view.untilText("Last refresh on");
    expect(link(view.wrapper, "View in Stigg")).toHaveProps({ href: acme.stiggUrl });
    await openSubscription(view.wrapper, PRO.subscriptionId);
    await view.until(() => view.wrapper.find(FocusView) !== null, "the Subscription drawer");
    expect(link(view.wrapper.find(FocusView)!, `Acme Corp (${acme.stiggCustomerId})`)).toHaveProps({ href: acme.stiggUrl });
  });

  it("for Stripe Billing: no View in Stigg, and the customer is text, not a link to its Dashboard page", async () => {
    const view = renderView(linkedHost(STRIPE_BILLING.kind, STRIPE_BILLING.customer));
    await view.untilText("Last refresh on");
    expect(view.wrapper).toContainText("Acme Corp");
    expect(viewInStigg(view.wrapper)).toEqual([]);
    await openSubscription(view.wrapper, PRO.subscriptionId);
    await view.until(() => view.wrapper.find(FocusView) !== null, "the Subscription drawer");
    const drawer = view.wrapper.find(FocusView)!;
    expect(drawer).toContainText(`Acme Corp (${acmeInStripe.stiggCustomerId})`);
    expect(drawer.findAll(Link).filter((l) => l.props.href === acmeInStripe.stiggUrl)).toEqual([]);
    expect(viewInStigg(view.wrapper)).toEqual([]);
  });
});

describe("the metered row's tooltip", () => {
  const only = () => ({ fetchedAt: FETCHED_AT, entitlements: [metered()], failures: [] });

  it.each([
    [STIGG, STIGG_TOOLTIP],
    [STRIPE_BILLING, `${STIGG_TOOLTIP} Stripe's usage summaries can lag by a few minutes.`],
  ])("for $kind", async ({ kind, customer }, tooltip) => {
    const host = linkedHost(kind, customer).on("getEntitlements", () => only());
    const view = renderView(host);
    await view.untilText("Active users");
    expect(rowIcon(entitlementRow(view.wrapper, "Active users")!)).toEqual({ name: "usage", tooltip });
  });
});

describe("a customer the workspace does not have (404)", () => {
  const notFoundIn = (kind: WorkspaceKind) => {
    const missing = () => {
      throw new HostError("NOT_FOUND", "Customer not found", { stiggUrl: "https://app.stigg.io/customers", workspaceKind: kind });
    };
    return new FakeHost().on("getCustomer", missing).on("listSubscriptions", missing).on("getEntitlements", missing);
  };

  it("for Stigg: says so in Stigg's words, with View in Stigg", async () => {
    const view = renderView(notFoundIn("stigg"), { customerId: "cus_DemoUnknown" });
    await view.untilText("Customer not found - Stripe customer not found in Stigg");
    expect(link(view.wrapper, "View in Stigg")).toHaveProps({ href: "https://app.stigg.io/customers" });
  });

  it("for Stripe Billing: says where it looked, and offers no Stigg", async () => {
    const view = renderView(notFoundIn("stripe_billing"), { customerId: "cus_DemoUnknown" });
    await view.untilText("Customer not found - Stripe customer not found in Stripe Billing");
    expect(view.wrapper).toContainText("cus_DemoUnknown");
    expect(view.wrapper).not.toContainText("Stigg");
  });
});

describe("App Failed to Load", () => {
  const failingIn = (kind: WorkspaceKind) =>
    new FakeHost()
      .on("getCustomer", () => {
        throw new HostError(internalError().code, internalError().message, { workspaceKind: kind });
      })
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => fullList());

  it("for Stigg: Retry and View in Stigg", async () => {
    const view = renderView(failingIn("stigg"));
    await view.untilText("App Failed to Load");
    button(view.wrapper, "Retry");
    expect(link(view.wrapper, "View in Stigg")).toHaveProps({ href: "https://app.stigg.io" });
  });

  it("for Stripe Billing: Retry, and no View in Stigg", async () => {
    const view = renderView(failingIn("stripe_billing"));
    await view.untilText("App Failed to Load");
    button(view.wrapper, "Retry");
    expect(view.wrapper).toContainText("Correlation ID: corr-1");
    expect(viewInStigg(view.wrapper)).toEqual([]);
  });
});

describe("a rate-limited read", () => {
  it.each([
    [STIGG, "Stigg is rate limiting requests"],
    [STRIPE_BILLING, "Stripe is rate limiting requests"],
  ])("for $kind: names who is rate limiting", async ({ kind, customer }, title) => {
    const host = linkedHost(kind, customer).on("listSubscriptions", () => {
      throw new HostError("TOO_MANY_REQUESTS", "Rate limited; try again in 20 s.", {
        failure: { part: "subscriptions", code: "RATE_LIMITED", retryAfter: 20 },
        workspaceKind: kind,
      });
    });
    const view = renderView(host);
    await view.untilText("Last refresh on");
    expect(banners(view.wrapper)).toMatchObject([{ type: "caution", title }]);
  });
});

describe("the Stripe subscription page", () => {
  const STRIPE_SUB = "sub_1DemoAcmeSeatsStripe";
  const PAGE = { component: SubscriptionDetailView, viewportID: "stripe.dashboard.subscription.detail", object: { id: STRIPE_SUB, object: "subscription" } };
  const managedIn = (kind: WorkspaceKind, customer: Customer): SubscriptionEntitlementsResult => ({
    status: "managed",
    workspaceName: "Acme",
    workspaceKind: kind,
    customer,
    subscription: kind === "stripe_billing" ? { ...seatsSubscription, id: STRIPE_SUB } : seatsSubscription,
    entitlements: { ...seatsEntitlements(), entitlements: [metered()] },
  });

  it("for Stigg: both ids, the customer linked to Stigg, Stigg's tooltip", async () => {
    const view = renderView(new FakeHost().on("getSubscriptionEntitlements", () => managedIn("stigg", acme)), { view: PAGE });
    await view.untilText("Active users");
    expect(view.wrapper).toContainText(`Stigg subscription ID${seatsSubscription.id}`);
    expect(link(view.wrapper, `Acme Corp (${acme.stiggCustomerId})`)).toHaveProps({ href: acme.stiggUrl });
    expect(rowIcon(entitlementRow(view.wrapper, "Active users")!).tooltip).toBe(STIGG_TOOLTIP);
  });

  it("for Stripe Billing: the one Stripe id, the customer as text, the lag in the tooltip, no Stigg", async () => {
    const view = renderView(new FakeHost().on("getSubscriptionEntitlements", () => managedIn("stripe_billing", acmeInStripe)), { view: PAGE });
    await view.untilText("Active users");
    expect(view.wrapper).toContainText(`Subscription ID${STRIPE_SUB}`);
    expect(view.wrapper).toContainText(`Acme Corp (${acmeInStripe.stiggCustomerId})`);
    expect(view.wrapper.findAll(Link).filter((l) => l.props.href === acmeInStripe.stiggUrl)).toEqual([]);
    expect(rowIcon(entitlementRow(view.wrapper, "Active users")!).tooltip).toContain("Stripe's usage summaries can lag by a few minutes.");
    expect(view.wrapper).not.toContainText("Stigg");
  });
});

describe("settings", () => {
  const SETTINGS = { component: AppSettingsView, viewportID: "settings" };
  const linkOf = (kind: WorkspaceKind): AccountLink => ({
    mode: "test",
    stripeSandbox: false,
    workspaceName: "Acme",
    workspaceKind: kind,
    linkedSince: "2026-11-02T09:30:00.000Z",
    lastSuccessfulRead: null,
  });
  const settingsOf = (kind: WorkspaceKind) =>
    renderView(
      new FakeHost().on("getLinks", () => ({
        links: [linkOf(kind)],
        connectUrl: "http://localhost:3000/connect",
        stripeBillingConnectUrl: null,
        connectableModes: ["test" as const],
      })),
      { view: SETTINGS, roles: ["admin"] },
    );

  it.each([
    ["stigg" as const, "Stigg", "nothing changes in Stigg or Stripe"],
    ["stripe_billing" as const, "Stripe Billing", "nothing changes in Stripe,"],
  ])("for %s: the kind's label, and a disconnect that names what it leaves alone", async (kind, label, untouched) => {
    const view = settingsOf(kind);
    await view.untilText("Linked since");
    expect(view.wrapper.find(Badge)).toContainText(label);
    await button(view.wrapper, "Disconnect").trigger("onPress");
    await view.untilText("Confirm disconnect");
    expect(view.wrapper).toContainText(untouched);
  });
});
