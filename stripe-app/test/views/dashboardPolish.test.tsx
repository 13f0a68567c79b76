import { ContextView } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import { BRAND_COLOR, BRAND_ICON } from "../../src/views/brand";
import { FakeHost } from "../support/fakeHost";
import { acme, allSubscriptions, fullList, linked } from "../support/fixtures";
import { entitlementRow, refreshButton } from "../support/queries";
import { renderView } from "../support/renderView";

const hostFor = (workspaceKind: "sandbox" | "stigg") =>
  new FakeHost()
    .on("getCustomer", () => linked(acme, workspaceKind))
    .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
    .on("getEntitlements", () => fullList());

describe("the drawer in the Dashboard", () => {
  it("names the icon-only refresh button with a label tooltip", async () => {
    const view = renderView(hostFor("sandbox"));
    await view.untilText("Acme Corp");
    expect(refreshButton(view.wrapper)).toMatchObject({ name: "Refresh", type: "label" });
  });

  it("carries the app's brand colour and icon (a one-colour SVG) on its ContextView", async () => {
    const view = renderView(hostFor("sandbox"));
    await view.untilText("Acme Corp");
    expect(view.wrapper.find(ContextView)).toHaveProps({ brandColor: BRAND_COLOR, brandIcon: BRAND_ICON });
    expect(atob(BRAND_ICON.replace(/^data:image\/svg\+xml;base64,/, ""))).toMatch(/^<svg [^>]*fill="#ffffff"/);
  });

  it("links the customer in Stigg from the drawer for a Stigg workspace, and not for the demo workspace", async () => {
    const stigg = renderView(hostFor("stigg"));
    await stigg.untilText("Acme Corp");
    await stigg.until(() => stigg.wrapper.find(ContextView)?.props.externalLink !== undefined, "the external link");
    expect(stigg.wrapper.find(ContextView)).toHaveProps({ externalLink: { label: "Open customer in Stigg", href: acme.stiggUrl } });

    const demo = renderView(hostFor("sandbox"));
    await demo.untilText("Acme Corp");
    await demo.settled();
    expect(demo.wrapper.find(ContextView)!.props.externalLink).toBeUndefined();
  });

  it('says when a metered row\'s usage resets ("Resets Dec 10"), and nothing for a meter that never resets', async () => {
    const view = renderView(hostFor("sandbox"));
    await view.untilText("Acme Corp");
    expect(entitlementRow(view.wrapper, "Active users")).toContainText("Resets Dec 10");
    const seats = entitlementRow(view.wrapper, "Seats")!;
    expect(seats).not.toBeNull();
    expect(seats).not.toContainText("Resets");
  });
});
