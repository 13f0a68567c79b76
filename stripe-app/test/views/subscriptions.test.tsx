import { Badge, FocusView, ListItem, Select, TextField } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import { FakeHost } from "../support/fakeHost";
import {
  allSubscriptions,
  CUSTOMER_ID,
  fullList,
  linked,
  proSubscription,
  SEATS,
  seatsEntitlements,
  seatsSubscription,
} from "../support/fixtures";
import { link, openSubscription, findInFragment, shownEntitlementNames } from "../support/queries";
import { renderView } from "../support/renderView";


function host() {
  return new FakeHost()
    .on("getCustomer", () => linked())
    .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
    .on("getEntitlements", (input) => (input.subscriptionId === SEATS.subscriptionId ? seatsEntitlements() : fullList()));
}

async function renderSubscriptions() {
  const h = host();
  const view = renderView(h);
  await view.untilText("Acme Corp");
  return { host: h, view };
}

describe("Subscriptions tab", () => {
  it("lists every subscription as plan name over subscription id", async () => {
    const { view } = await renderSubscriptions();
    for (const s of allSubscriptions) {
      // One pressable list item per subscription: plan name as title, id below, status pill.
      const row = view.wrapper.find(ListItem, { id: s.id });
      expect(row, s.id).not.toBeNull();
      expect(row).toHaveProps({ title: s.planName, secondaryTitle: s.id });
      expect(findInFragment(row!, "value", "Badge")).not.toBeNull();
    }
  });

  it.each([
    ["Active", "positive"],
    ["In trial until Dec 3, 2026", "info"],
    ["Not started", "warning"],
    ["Payment pending", "warning"],
    ["Canceled", "negative"],
    ["Expired", "neutral"],
    // Unknown to the app: Stigg's own word, in a colour that claims no meaning.
    ["PAUSED", "neutral"],
  ])("shows the status pill '%s' in colour %s", async (label, type) => {
    const { view } = await renderSubscriptions();
    const badge = view.wrapper
      .findAll(ListItem)
      .map((item) => findInFragment(item, "value", "Badge"))
      .find((b) => b?.text === label);
    expect(badge?.props.type).toBe(type);
  });
});

describe("Subscription drawer", () => {
  it("opens on a subscription with its six fields in order", async () => {
    const { view } = await renderSubscriptions();
    expect(view.wrapper).not.toContainComponent(FocusView);
    await openSubscription(view.wrapper, SEATS.subscriptionId);
    await view.untilText("Single sign-on");

    const drawer = view.wrapper.find(FocusView)!;
    expect(drawer).toHaveProps({ title: "Extra Seats", shown: true });
    const text = drawer.text;
    const expected = [
      "Plan name",
      "Extra Seats",
      "Subscription ID",
      seatsSubscription.id,
      "Status",
      "In trial until Dec 3, 2026",
      "Customer",
      "Acme Corp (customer-acme)",
      "Created at",
      "Nov 17, 2026 12:00 PM",
      "Last updated",
      "Nov 20, 2026 12:00 PM",
      "Entitlements",
    ];
    let at = -1;
    for (const part of expected) {
      const next = text.indexOf(part, at + 1);
      expect(next, `"${part}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    expect(link(drawer, "Acme Corp (customer-acme)")).toHaveProps({
      href: "https://app.stigg.io/customers/customer-acme",
    });
  });

  it("fetches and shows only that subscription's entitlements, without a subscription filter", async () => {
    const { host: h, view } = await renderSubscriptions();
    await openSubscription(view.wrapper, SEATS.subscriptionId);
    await view.untilText("Single sign-on");
    await view.settled();

    expect(h.calls.at(-1)).toEqual({
      procedure: "getEntitlements",
      input: { stripeCustomerId: CUSTOMER_ID, subscriptionId: SEATS.subscriptionId },
    });
    const drawer = view.wrapper.find(FocusView)!;
    expect(shownEntitlementNames(drawer)).toEqual(["Seats", "Single sign-on"]);
    // "Pre-filtered to the selected subscription with no filter dropdown shown": search only.
    expect(drawer).not.toContainComponent(Select);
    expect(drawer).toContainComponentTimes(TextField, 1);
    expect(drawer).toContainText("12 / 10 seats");
  });

  it("closes when Stripe reports it hidden", async () => {
    const { view } = await renderSubscriptions();
    await openSubscription(view.wrapper, proSubscription.id);
    await view.until(() => view.wrapper.find(FocusView) !== null, "the drawer");
    await view.wrapper.find(FocusView)!.trigger("setShown", false);
    expect(view.wrapper).not.toContainComponent(FocusView);
  });
});
