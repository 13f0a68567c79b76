import { Button } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import { focusManager } from "@tanstack/react-query";
import type { AccountLink, DashboardMode } from "@/contract";
import AppSettingsView from "../../src/views/AppSettingsView";
import { FakeHost, HostError } from "../support/fakeHost";
import { button } from "../support/queries";
import { renderView } from "../support/renderView";

const CONNECT_URL = "http://localhost:3000/connect?account=acct_DemoLinked";
const SETTINGS = { component: AppSettingsView, viewportID: "settings" };

const testLink: AccountLink = {
  mode: "test",
  stripeSandbox: false,
  workspaceName: "Demo data",
  workspaceKind: "sandbox",
  linkedSince: "2026-11-02T09:30:00.000Z",
  lastSuccessfulRead: "2026-11-24T14:05:00.000Z",
};
const liveLink: AccountLink = {
  mode: "live",
  stripeSandbox: false,
  workspaceName: "Acme production",
  workspaceKind: "stigg",
  linkedSince: "2026-10-01T08:00:00.000Z",
  lastSuccessfulRead: null,
};

/** A host whose link records the test can watch disappear (and appear). */
function hostWith(links: AccountLink[], connectableModes: DashboardMode[] = ["test", "live"]) {
  const state = { links: [...links] };
  const host = new FakeHost()
    .on("getLinks", () => ({ links: state.links, connectUrl: CONNECT_URL, stripeBillingConnectUrl: null, connectableModes }))
    .on("disconnect", ({ mode }) => {
      if (!state.links.some((l) => l.mode === mode)) throw new HostError("NOT_FOUND", `This Stripe account has no ${mode}-mode link to disconnect.`);
      state.links = state.links.filter((l) => l.mode !== mode);
      return { mode, disconnected: true as const };
    });
  return { host, state };
}

/** The user comes back to the Dashboard's tab (React Query hears it as window focus). */
function refocusDashboard() {
  focusManager.setFocused(false);
  focusManager.setFocused(undefined);
}

describe("Settings view", () => {
  it("shows each link: mode, workspace name and kind, linked since, last successful read", async () => {
    const { host } = hostWith([liveLink, testLink]);
    const view = renderView(host, { view: SETTINGS, roles: ["view_only"] });
    await view.untilText("Acme production");
    for (const text of [
      "Live mode",
      "Stigg",
      "Test mode",
      "Demo workspace",
      "Demo data",
      "Linked since",
      "Oct 1, 2026",
      "Nov 2, 2026",
      "Last successful read",
      "Nov 24, 2026",
      "None since the app's server last started",
    ]) {
      expect(view.wrapper).toContainText(text);
    }
    expect(host.calls).toEqual([{ procedure: "getLinks", input: {} }]);
  });

  it("offers no Disconnect to a role that may not (the host cannot check roles; the UI does)", async () => {
    const { host } = hostWith([testLink]);
    const view = renderView(host, { view: SETTINGS, roles: ["analyst", "support_specialist"] });
    await view.untilText("Demo data");
    expect(view.wrapper.findAll(Button).map((b) => b.text)).not.toContain("Disconnect");
  });

  it.each(["admin", "super_admin", "developer"])("offers Disconnect to %s, after a confirmation, removing only that mode", async (role) => {
    const { host, state } = hostWith([liveLink, testLink]);
    const view = renderView(host, { view: SETTINGS, roles: [role] });
    await view.untilText("Acme production");
    const disconnects = view.wrapper.findAll(Button).filter((b) => b.text === "Disconnect");
    expect(disconnects).toHaveLength(2);
    // The second card is the test-mode link (live first).
    await disconnects[1]!.trigger("onPress");
    await view.untilText("Confirm disconnect");
    expect(view.wrapper).toContainText("Disconnect the test-mode link to Demo data?");
    expect(host.calls.map((c) => c.procedure)).not.toContain("disconnect");
    await button(view.wrapper, "Confirm disconnect").trigger("onPress");
    await view.until(() => !view.wrapper.text.includes("Demo data"), "the test-mode link to go");
    await view.settled();
    const disconnect = host.requests.find((r) => r.calls.some((c) => c.procedure === "disconnect"))!;
    expect(disconnect.method).toBe("POST");
    expect(disconnect.calls).toEqual([{ procedure: "disconnect", input: { mode: "test" } }]);
    expect(state.links.map((l) => l.mode)).toEqual(["live"]);
    expect(view.wrapper).toContainText("Acme production");
    expect(button(view.wrapper, "Connect Stigg in test mode")).toHaveProps({ href: `${CONNECT_URL}&mode=test`, target: "_blank" });
  });

  it("offers to connect only a mode this server can install in and the account lacks", async () => {
    const onlyTest = hostWith([testLink], ["test"]);
    const view = renderView(onlyTest.host, { view: SETTINGS, roles: ["admin"] });
    await view.untilText("Demo data");
    expect(view.wrapper.findAll(Button).map((b) => b.text).filter((t) => t.startsWith("Connect Stigg"))).toEqual([]);

    const both = hostWith([testLink], ["test", "live"]);
    const second = renderView(both.host, { view: SETTINGS, roles: ["admin"] });
    await second.untilText("Demo data");
    expect(button(second.wrapper, "Connect Stigg in live mode")).toHaveProps({ href: `${CONNECT_URL}&mode=live` });
  });

  it("after connecting and then disconnecting, the Gate waits for nothing nobody started", async () => {
    const { host, state } = hostWith([]);
    const view = renderView(host, { view: SETTINGS, roles: ["admin"] });
    await view.untilText("Manage entitlements with Stigg");
    await button(view.wrapper, "Connect Stigg").trigger("onPress");
    await view.untilText("Finish connecting in the new tab");
    state.links = [testLink];
    refocusDashboard();
    await view.untilText("Demo data");
    await button(view.wrapper, "Disconnect").trigger("onPress");
    await button(view.wrapper, "Confirm disconnect").trigger("onPress");
    await view.untilText("Manage entitlements with Stigg");
    expect(view.wrapper.text).not.toContain("Finish connecting");
  });

  it("a Gate opened again after Connect (the Dashboard reloaded) reads again when the Dashboard comes back into view", async () => {
    const { host, state } = hostWith([]);
    const view = renderView(host, { view: SETTINGS, roles: ["admin"] });
    await view.untilText("Manage entitlements with Stigg");
    // Linked in the install tab; this view never saw Connect pressed.
    state.links = [testLink];
    refocusDashboard();
    await view.untilText("Demo data");
  });

  it("Cancel leaves the link alone", async () => {
    const { host, state } = hostWith([testLink]);
    const view = renderView(host, { view: SETTINGS, roles: ["admin"] });
    await view.untilText("Demo data");
    await button(view.wrapper, "Disconnect").trigger("onPress");
    await view.untilText("Confirm disconnect");
    await button(view.wrapper, "Cancel").trigger("onPress");
    await view.until(() => !view.wrapper.text.includes("Confirm disconnect"), "the confirmation to close");
    expect(host.calls.map((c) => c.procedure)).toEqual(["getLinks"]);
    expect(state.links).toHaveLength(1);
  });

  it("a refused disconnect says why, with the correlation id, and keeps the link on screen", async () => {
    const { host, state } = hostWith([testLink]);
    state.links = [];
    // The view still shows the link it read before another admin removed it.
    host.on("getLinks", () => ({ links: [testLink], connectUrl: CONNECT_URL, stripeBillingConnectUrl: null, connectableModes: ["test" as const] }));
    const view = renderView(host, { view: SETTINGS, roles: ["admin"] });
    await view.untilText("Demo data");
    await button(view.wrapper, "Disconnect").trigger("onPress");
    await button(view.wrapper, "Confirm disconnect").trigger("onPress");
    await view.untilText("Not disconnected");
    const failed = host.requests.find((r) => r.calls.some((c) => c.procedure === "disconnect"))!;
    expect(view.wrapper).toContainText("no test-mode link to disconnect");
    expect(view.wrapper).toContainText(failed.correlationId);
    expect(view.wrapper).toContainText("Demo data");
  });

  it("unlinked where the host offers the Stripe Billing kind: the Gate adds its secondary action", async () => {
    const stripeBillingConnectUrl = `${CONNECT_URL}&kind=stripe_billing`;
    const host = new FakeHost().on("getLinks", () => ({ links: [], connectUrl: CONNECT_URL, stripeBillingConnectUrl, connectableModes: ["test" as const] }));
    const view = renderView(host, { view: SETTINGS, roles: ["admin"] });
    await view.untilText("Manage entitlements with Stigg");
    expect(button(view.wrapper, "Connect Stigg")).toHaveProps({ href: CONNECT_URL });
    expect(button(view.wrapper, "Use this account's Stripe Billing data")).toHaveProps({ type: "secondary", href: stripeBillingConnectUrl });
  });

  it("unlinked: the Gate's Connect Stigg, which then waits for the link made in the other tab", async () => {
    const { host, state } = hostWith([]);
    const view = renderView(host, { view: SETTINGS, roles: ["admin"] });
    await view.untilText("Manage entitlements with Stigg");
    expect(button(view.wrapper, "Connect Stigg")).toHaveProps({ href: CONNECT_URL, target: "_blank" });
    await button(view.wrapper, "Connect Stigg").trigger("onPress");
    // The Gate watches for the new link (every few seconds) after Connect is pressed.
    await view.untilText("Finish connecting in the new tab");
  });

  it("sends the Dashboard's mode as a hint with the signed headers", async () => {
    const { host } = hostWith([testLink]);
    const view = renderView(host, { view: SETTINGS, mode: "test" });
    await view.untilText("Demo data");
    const headers = host.requests[0]!.headers;
    expect(headers.get("Stripe-Mode")).toBe("test");
    expect(headers.get("Stripe-Account-Id")).toBe("acct_DemoLinked");
  });
});
