import { Badge, ContextView, Tabs } from "@stripe/ui-extension-sdk/ui";
import { MeterChart } from "@stripe/ui-extension-sdk/ui/next";
import { describe, expect, it } from "vitest";
import { CONNECT_POLL_MS } from "../../src/api/useConnectWatch";
import { FakeHost, internalError, notFound, notLinked } from "../support/fakeHost";
import { allSubscriptions, credits, fullList, linked, metered, PRO } from "../support/fixtures";
import { button, entitlementRow } from "../support/queries";
import { renderView } from "../support/renderView";

const CONNECT_URL = "http://localhost:3000/connect?account=acct_DemoLinked";

describe("the drawer's title", () => {
  it("adds to the app name the Dashboard already shows, instead of repeating it", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => fullList());
    const view = renderView(host);
    await view.untilText("Acme Corp");
    expect(view.wrapper.find(ContextView)).toHaveProps({ title: "Entitlements" });
  });

  it("says what the view shows: the Subscriptions tab, the Gate, an unknown customer (a failure keeps the view's own title)", async () => {
    const full = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => fullList());
    const view = renderView(full);
    await view.untilText("Acme Corp");
    await view.wrapper.find(Tabs)!.trigger("onSelectionChange", "subscriptions");
    await view.until(() => view.wrapper.find(ContextView)!.props.title === "Subscriptions", "the Subscriptions title");

    const cases: [string, FakeHost][] = [
      ["Connect Stigg", new FakeHost().on("getCustomer", () => ({ linked: false as const, connectUrl: CONNECT_URL, stripeBillingConnectUrl: null })).on("listSubscriptions", () => { throw notLinked(); }).on("getEntitlements", () => { throw notLinked(); })],
      ["Customer not found", new FakeHost().on("getCustomer", () => { throw notFound(); }).on("listSubscriptions", () => { throw notFound(); }).on("getEntitlements", () => { throw notFound(); })],
      ["Entitlements", new FakeHost().on("getCustomer", () => { throw internalError(); }).on("listSubscriptions", () => { throw internalError(); }).on("getEntitlements", () => { throw internalError(); })],
    ];
    for (const [title, host] of cases) {
      const other = renderView(host);
      await other.until(() => other.wrapper.find(ContextView)!.props.title === title, `the title ${title}`);
    }
  });
});

describe("Gate → Command Center after connecting in another tab", () => {
  function gateHost() {
    let isLinked = false;
    const host = new FakeHost()
      .on("getCustomer", () => (isLinked ? linked() : { linked: false as const, connectUrl: CONNECT_URL, stripeBillingConnectUrl: null }))
      .on("listSubscriptions", () => {
        if (!isLinked) throw notLinked();
        return { subscriptions: allSubscriptions };
      })
      .on("getEntitlements", () => {
        if (!isLinked) throw notLinked();
        return fullList();
      });
    return { host, link: () => (isLinked = true) };
  }

  const customerCalls = (host: FakeHost) => host.calls.filter((c) => c.procedure === "getCustomer").length;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("does not poll before Connect Stigg is pressed", async () => {
    const { host } = gateHost();
    const view = renderView(host);
    await view.untilText("Manage entitlements with Stigg");
    await view.settled();
    const before = customerCalls(host);
    await pause(CONNECT_POLL_MS + 500);
    await view.settled();
    expect(customerCalls(host)).toBe(before);
  });

  it("after Connect Stigg, rechecks until the account is linked, then shows the customer", async () => {
    const { host, link } = gateHost();
    const view = renderView(host);
    await view.untilText("Manage entitlements with Stigg");
    await button(view.wrapper, "Connect Stigg").trigger("onPress");
    await view.untilText("Finish connecting in the new tab");

    // Still unlinked at the first recheck: the Gate stays.
    await pause(CONNECT_POLL_MS + 500);
    await view.settled();
    expect(customerCalls(host)).toBeGreaterThanOrEqual(2);
    expect(view.wrapper).toContainText("Manage entitlements with Stigg");

    link();
    await pause(CONNECT_POLL_MS + 500);
    await view.untilText("Last refresh on");
    expect(view.wrapper).toContainText("Acme Corp");
    expect(view.wrapper).not.toContainText("Manage entitlements with Stigg");
    expect(view.wrapper).not.toContainText("App Failed to Load");
  }, 20_000);
});

describe("credits row", () => {
  it("names every source of the credits, the promotional grant included", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => ({
        ...fullList(),
        entitlements: [credits({ grantedBy: [PRO], hasCustomerLevelGrant: true })],
      }));
    const view = renderView(host);
    await view.untilText("AI credits");
    expect(entitlementRow(view.wrapper, "AI credits")).toContainText("From Pro + promotional grant");
  });
});

describe("meters (SDK ui/next MeterChart)", () => {
  it("past the limit: the excess is named with its amount and the badge is urgent (12 / 10 never reads as 83 % full)", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => ({
        ...fullList(),
        entitlements: [metered({ name: "Seats", currentUsage: 12, usageLimit: 10, unit: { singular: "seat", plural: "seats" } })],
      }));
    const view = renderView(host);
    await view.untilText("Seats");
    const seats = entitlementRow(view.wrapper, "Seats")!;
    expect(seats.find(MeterChart)).toHaveProps({
      data: [
        { label: "Up to the limit", value: 10 },
        { label: "Over the limit", value: 2 },
      ],
    });
    expect(seats.find(Badge)).toHaveProps({ type: "urgent" });
    expect(seats.find(Badge)).toContainText("120% · over the limit");
  });

  it("draw usage against the limit and credits left of those granted, with the percentage badge beside", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => ({
        ...fullList(),
        entitlements: [metered({ currentUsage: 850, usageLimit: 1000 }), credits()],
      }));
    const view = renderView(host);
    await view.untilText("AI credits");
    const usage = entitlementRow(view.wrapper, "Active users")!;
    expect(usage.find(MeterChart)).toHaveProps({
      data: [
        { label: "Used", value: 850 },
        { label: "Remaining", value: 150 },
      ],
    });
    expect(usage.find(Badge)).toHaveProps({ type: "warning" });
    expect(usage.find(Badge)).toContainText("85%");
    const credit = entitlementRow(view.wrapper, "AI credits")!;
    expect(credit.find(MeterChart)).toHaveProps({
      data: [
        { label: "Remaining", value: 2250 },
        { label: "Consumed", value: 3750 },
      ],
    });
    expect(credit.find(Badge)).toContainText("38% remaining");
    expect(credit).toContainText("3,750 credits consumed");
    expect(credit).not.toContainText("left");
    // No text glyph bars any more.
    expect(view.wrapper.text).not.toContain("━");
  });
});
