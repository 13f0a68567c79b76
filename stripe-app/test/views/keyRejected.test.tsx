import { Button, TabPanel } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import { FakeHost, HostError } from "../support/fakeHost";
import { acmeInStripe, allSubscriptions, FETCHED_AT, fullList, linked } from "../support/fixtures";
import { banners, button } from "../support/queries";
import { renderView } from "../support/renderView";

// A key that no longer opens the account (KEY_REJECTED) is not an outage: only linking
// again helps, so it never reads as "App Failed to Load" with a plain Retry.

const MESSAGE = "The restricted key this workspace was linked with no longer opens this Stripe account. Link it again with a working key in the app's settings.";
const TITLE = "This workspace's key no longer works";
const RETRY = "Retry after linking again";

/** What the host answers when the source refuses the key for a whole call (as readPart types it). */
const keyRejected = (part: "customer" | "subscriptions") =>
  new HostError("INTERNAL_SERVER_ERROR", MESSAGE, { failure: { part, code: "KEY_REJECTED" }, workspaceKind: "stripe_billing" });

describe("a part refused for its key", () => {
  it("in getEntitlements: its own title and the host's message, with the correlation id", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked(acmeInStripe, "stripe_billing"))
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", (_input, ctx) => {
        const full = fullList();
        return {
          fetchedAt: FETCHED_AT,
          entitlements: full.entitlements.filter((e) => e.kind !== "credits"),
          failures: [{ part: "credits" as const, code: "KEY_REJECTED" as const, message: MESSAGE, correlationId: ctx.correlationId }],
        };
      });
    const view = renderView(host);
    await view.untilText("Last refresh on");
    const [notice, ...others] = banners(view.wrapper.find(TabPanel, { id: "entitlements" })!);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ type: "critical", title: TITLE, actions: [RETRY] });
    expect(notice!.description).toContain(MESSAGE);
    expect(notice!.description).toContain("Correlation ID: corr-1");
    expect(view.wrapper).not.toContainText("App Failed to Load");
    expect(view.wrapper).not.toContainText("Credit balances not loaded");
  });

  it("in listSubscriptions: the same, in the Subscriptions tab", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked(acmeInStripe, "stripe_billing"))
      .on("listSubscriptions", () => {
        throw keyRejected("subscriptions");
      })
      .on("getEntitlements", () => fullList());
    const view = renderView(host);
    await view.untilText("Last refresh on");
    expect(banners(view.wrapper.find(TabPanel, { id: "subscriptions" })!)).toMatchObject([
      { type: "critical", title: TITLE, description: expect.stringContaining(MESSAGE), actions: [RETRY] },
    ]);
  });
});

describe("the customer lookup refused for its key", () => {
  it("is the key's notice, not App Failed to Load; its retry opens the drawer once linked again", async () => {
    let relinked = false;
    const host = new FakeHost()
      .on("getCustomer", () => {
        if (!relinked) throw keyRejected("customer");
        return linked(acmeInStripe, "stripe_billing");
      })
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => fullList());
    const view = renderView(host);
    await view.untilText(TITLE);
    expect(view.wrapper).not.toContainText("App Failed to Load");
    expect(view.wrapper).toContainText(MESSAGE);
    expect(view.wrapper).toContainText("Correlation ID: corr-1");
    expect(view.wrapper).not.toContainText("View in Stigg");
    // Not the plain primary Retry: the one action says what must come first.
    expect(view.wrapper.findAll(Button).map((b) => b.text)).toEqual([RETRY]);
    expect(button(view.wrapper, RETRY)).toHaveProps({ type: "secondary" });

    relinked = true;
    await button(view.wrapper, RETRY).trigger("onPress");
    await view.untilText("Last refresh on");
    expect(view.wrapper).toContainText("Acme Corp");
  });
});
