import { describe, expect, it } from "vitest";
import type { AccountLink, DashboardMode } from "@/contract";
import DefaultDrawerView, { OPEN_A_CUSTOMER } from "../../src/views/DefaultDrawerView";
import { FakeHost } from "../support/fakeHost";
import { button } from "../support/queries";
import { renderView } from "../support/renderView";

const CONNECT_URL = "http://localhost:3000/connect?account=acct_DemoLinked";
const DRAWER = { component: DefaultDrawerView, viewportID: "stripe.dashboard.drawer.default" };

const testLink: AccountLink = {
  mode: "test",
  stripeSandbox: false,
  workspaceName: "Demo data",
  workspaceKind: "sandbox",
  linkedSince: "2026-11-02T09:30:00.000Z",
  lastSuccessfulRead: null,
};

const hostWith = (links: AccountLink[]) => new FakeHost().on("getLinks", () => ({ links, connectUrl: CONNECT_URL, stripeBillingConnectUrl: null, connectableModes: ["test", "live"] as DashboardMode[] }));

describe("Default drawer (no customer open)", () => {
  it("says where the entitlements are and shows the mode's connection and workspace, as settings does", async () => {
    const view = renderView(hostWith([testLink]), { view: DRAWER });
    await view.untilText("Demo data");
    expect(view.wrapper).toContainText(OPEN_A_CUSTOMER);
    expect(view.wrapper).toContainText("Open a customer to see their entitlements");
    for (const text of ["Test mode", "Demo workspace", "Linked since", "Connect Stigg in live mode"]) {
      expect(view.wrapper).toContainText(text);
    }
    // Disconnecting is for the settings page.
    expect(view.wrapper).not.toContainText("Disconnect");
  });

  it("offers Connect, never an error, to an account with no links", async () => {
    const view = renderView(hostWith([]), { view: DRAWER });
    await view.untilText("Connect Stigg");
    expect(view.wrapper).toContainText(OPEN_A_CUSTOMER);
    expect(view.wrapper).not.toContainText("Failed");
  });

  it("in a Stripe sandbox: its link is the \"Stripe sandbox\" one, and Connect preselects that", async () => {
    const linked = renderView(hostWith([{ ...testLink, stripeSandbox: true }]), { view: DRAWER, sandbox: true });
    await linked.untilText("Demo data");
    expect(linked.wrapper).toContainText("Stripe sandbox");
    expect(linked.wrapper).not.toContainText("Test mode");
    // A sandbox has no live mode to connect.
    expect(linked.wrapper).not.toContainText("Connect Stigg in live mode");

    const unlinked = renderView(hostWith([]), { view: DRAWER, sandbox: true });
    await unlinked.untilText("Connect Stigg");
    expect(button(unlinked.wrapper, "Connect Stigg")).toHaveProps({ href: `${CONNECT_URL}&mode=sandbox` });
  });
});
