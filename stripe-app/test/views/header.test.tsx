import { Tab } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import type { Customer } from "@/contract";
import { FakeHost } from "../support/fakeHost";
import { acme, allSubscriptions, fullList, linked } from "../support/fixtures";
import { link } from "../support/queries";
import { renderView } from "../support/renderView";

const hostFor = (customer: Customer) =>
  new FakeHost()
    .on("getCustomer", () => linked(customer))
    .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
    .on("getEntitlements", () => fullList());

describe("header", () => {
  it.each([
    ["the name", { name: "Acme Corp", email: "billing@acme.example" }, "Acme Corp"],
    ["the email when there is no name", { name: null, email: "ops@emailonly.example" }, "ops@emailonly.example"],
    ["Unnamed Customer when there is neither", { name: null, email: null }, "Unnamed Customer"],
  ])("shows %s", async (_, who, shown) => {
    const view = renderView(hostFor({ ...acme, ...who }));
    await view.untilText("Last refresh on");
    const heading = view.wrapper.findWhere(
      (n) => n.text === shown && (n.props as { css?: { font?: string } }).css?.font === "heading",
    );
    expect(heading).not.toBeNull();
  });

  it("sits above both tabs, with View in Stigg linking to the customer in Stigg", async () => {
    const view = renderView(hostFor(acme));
    await view.untilText("Acme Corp");
    expect(view.wrapper).toContainComponentTimes(Tab, 2);
    expect(link(view.wrapper, "View in Stigg")).toHaveProps({
      href: "https://app.stigg.io/customers/customer-acme",
      target: "_blank",
    });
    // The header comes before the Tabs, so it is the same on every tab.
    const text = view.wrapper.text;
    expect(text.indexOf("Acme Corp")).toBeLessThan(text.indexOf("Entitlements"));
  });
});
