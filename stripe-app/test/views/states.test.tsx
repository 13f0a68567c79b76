import { Button, Link } from "@stripe/ui-extension-sdk/ui";
import { focusManager } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { FakeHost, HostError, internalError, notFound, notLinked } from "../support/fakeHost";
import { allSubscriptions, fullList, linked } from "../support/fixtures";
import { button, link } from "../support/queries";
import { renderView } from "../support/renderView";

const CONNECT_URL = "http://localhost:3000/connect?account=acct_DemoLinked";

describe("Gate view (account not linked)", () => {
  it("explains the app and offers Connect Stigg, ignoring the other calls' PRECONDITION_FAILED", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => ({ linked: false as const, connectUrl: CONNECT_URL, stripeBillingConnectUrl: null }))
      .on("listSubscriptions", () => {
        throw notLinked();
      })
      .on("getEntitlements", () => {
        throw notLinked();
      });
    const view = renderView(host);
    await view.untilText("Manage entitlements with Stigg");
    await view.settled();

    for (const text of [
      "See and control feature entitlements for every customer directly from their Stripe profile.",
      "Entitlements at a glance",
      "See exactly which features and limits each customer is entitled to, per plan.",
      "Manage customer credits",
      "Add credits, adjust balance, and track consumption without leaving the billing view in real time.",
      "Always in sync with Stripe",
      "Plan changes in Stigg reflect instantly in Stripe. No manual reconciliation.",
    ]) {
      expect(view.wrapper).toContainText(text);
    }
    expect(button(view.wrapper, "Connect Stigg")).toHaveProps({ href: CONNECT_URL, target: "_blank" });
    expect(view.wrapper).not.toContainText("App Failed to Load");
    // Pressed, it rests (the second click of a double click opens nothing); a link opens the page again on purpose.
    await button(view.wrapper, "Connect Stigg").trigger("onPress");
    await view.untilText("Finish connecting in the new tab");
    expect(button(view.wrapper, "Connect Stigg")).toHaveProps({ disabled: true });
    expect(link(view.wrapper, "Open the connect page again")).toHaveProps({ href: CONNECT_URL, target: "_blank" });
  });
});

describe("Gate view where the host offers the Stripe Billing kind", () => {
  const STRIPE_BILLING_URL = `${CONNECT_URL}&kind=stripe_billing`;
  const gateHost = (stripeBillingConnectUrl: string | null) =>
    new FakeHost()
      .on("getCustomer", () => ({ linked: false as const, connectUrl: CONNECT_URL, stripeBillingConnectUrl }))
      .on("listSubscriptions", () => {
        throw notLinked();
      })
      .on("getEntitlements", () => {
        throw notLinked();
      });
  const labels = (view: ReturnType<typeof renderView>) => view.wrapper.findAll(Button).map((b) => b.text);

  it("keeps the document's Gate and adds one secondary action to the connect page set to that kind", async () => {
    const view = renderView(gateHost(STRIPE_BILLING_URL));
    await view.untilText("Manage entitlements with Stigg");
    expect(labels(view)).toEqual(["Connect Stigg", "Use this account's Stripe Billing data"]);
    expect(button(view.wrapper, "Connect Stigg")).toHaveProps({ type: "primary", href: CONNECT_URL });
    expect(button(view.wrapper, "Use this account's Stripe Billing data")).toHaveProps({ type: "secondary", href: STRIPE_BILLING_URL, target: "_blank" });

    // Pressed, both rest, and the page to open again is the one chosen.
    await button(view.wrapper, "Use this account's Stripe Billing data").trigger("onPress");
    await view.untilText("Finish connecting in the new tab");
    expect(button(view.wrapper, "Connect Stigg")).toHaveProps({ disabled: true });
    expect(button(view.wrapper, "Use this account's Stripe Billing data")).toHaveProps({ disabled: true });
    expect(link(view.wrapper, "Open the connect page again")).toHaveProps({ href: STRIPE_BILLING_URL });
  });

  it("in a Stripe sandbox, preselects the sandbox on that page too", async () => {
    const view = renderView(gateHost(STRIPE_BILLING_URL), { sandbox: true });
    await view.untilText("Manage entitlements with Stigg");
    expect(button(view.wrapper, "Use this account's Stripe Billing data")).toHaveProps({ href: `${STRIPE_BILLING_URL}&mode=sandbox` });
  });

  it("offers no such action where the host does not", async () => {
    const view = renderView(gateHost(null));
    await view.untilText("Manage entitlements with Stigg");
    expect(labels(view)).toEqual(["Connect Stigg"]);
    expect(view.wrapper).not.toContainText("Stripe Billing");
  });
});

describe("Gate view, opened again after Connect (the Dashboard reloaded)", () => {
  it("reads the account again when the Dashboard comes back into view, and opens the customer once linked", async () => {
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
    const view = renderView(host);
    await view.untilText("Manage entitlements with Stigg");
    await view.settled();
    expect(view.wrapper).not.toContainText("Finish connecting");
    isLinked = true;
    // The user returns from the install tab: React Query hears the window's focus.
    focusManager.setFocused(false);
    focusManager.setFocused(undefined);
    await view.untilText("Last refresh on");
    expect(view.wrapper).toContainText("Acme Corp");
  });
});

describe("Customer not found (404)", () => {
  it("says so and links to Stigg with the link the error carries", async () => {
    const missing = () => {
      throw notFound("https://app.stigg.io/customers");
    };
    const host = new FakeHost()
      .on("getCustomer", missing)
      .on("listSubscriptions", missing)
      .on("getEntitlements", missing);
    const view = renderView(host, { customerId: "cus_DemoUnknown" });
    await view.untilText("Customer not found - Stripe customer not found in Stigg");
    expect(link(view.wrapper, "View in Stigg")).toHaveProps({ href: "https://app.stigg.io/customers" });
    expect(view.wrapper).toContainText("cus_DemoUnknown");
    expect(view.wrapper).not.toContainText("App Failed to Load");
  });
});

describe("App Failed to Load", () => {
  const failing = () => {
    let down = true;
    const host = new FakeHost()
      .on("getCustomer", () => {
        if (down) throw internalError();
        return linked();
      })
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => fullList());
    return { host, recover: () => (down = false) };
  };

  it("shows the failed response's correlation id, a Retry button and a View in Stigg link", async () => {
    const { host } = failing();
    const view = renderView(host);
    await view.untilText("App Failed to Load");
    expect(view.wrapper).toContainText(`Correlation ID: ${host.requests[0]!.correlationId}`);
    expect(view.wrapper).toContainText("The data source could not be read.");
    expect(view.wrapper).toContainComponent(Button);
    button(view.wrapper, "Retry");
    expect(link(view.wrapper, "View in Stigg")).toHaveProps({ href: "https://app.stigg.io", target: "_blank" });
  });

  it("takes View in Stigg's address from the manifest's STIGG_APP_URL", async () => {
    const { host } = failing();
    const view = renderView(host, { constants: { API_BASE: host.base, STIGG_APP_URL: "https://stigg.example.com" } });
    await view.untilText("App Failed to Load");
    expect(link(view.wrapper, "View in Stigg")).toHaveProps({ href: "https://stigg.example.com" });
  });

  it("Retry asks again in one request and shows the drawer when it succeeds", async () => {
    const { host, recover } = failing();
    const view = renderView(host);
    await view.untilText("App Failed to Load");
    recover();
    await button(view.wrapper, "Retry").trigger("onPress");
    await view.untilText("Acme Corp");
    await view.settled();
    expect(host.requests).toHaveLength(2);
    expect(host.requests[1]!.calls.map((c) => c.procedure)).toEqual([
      "getCustomer",
      "listSubscriptions",
      "getEntitlements",
    ]);
    expect(view.wrapper).not.toContainText("App Failed to Load");
  });

  it("a double click on Retry sends one request", async () => {
    const { host, recover } = failing();
    const view = renderView(host);
    await view.untilText("App Failed to Load");
    recover();
    host.hold();
    const retry = button(view.wrapper, "Retry");
    await Promise.all([retry.trigger("onPress"), retry.trigger("onPress")]);
    host.resume();
    await view.untilText("Acme Corp");
    await view.settled();
    expect(host.requests).toHaveLength(2);
  });

  it("explains an unsigned request (UNAUTHORIZED)", async () => {
    const unauthorized = () => {
      throw new HostError("UNAUTHORIZED", "The request is not signed by Stripe for this app.");
    };
    const host = new FakeHost()
      .on("getCustomer", unauthorized)
      .on("listSubscriptions", unauthorized)
      .on("getEntitlements", unauthorized);
    const view = renderView(host);
    await view.untilText("App Failed to Load");
    expect(view.wrapper).toContainText("The request is not signed by Stripe for this app.");
    expect(view.wrapper).toContainText("Correlation ID: corr-1");
  });

  it.each([
    [
      new HostError(
        "TOO_MANY_REQUESTS",
        "Stigg is rate-limiting this workspace; try again in 30 s. If it keeps failing, quote the correlation id to support.",
        { failure: { part: "customer", code: "RATE_LIMITED", retryAfter: 30 } },
      ),
      "Stigg is rate-limiting this workspace; try again in 30 s",
    ],
    [
      new HostError(
        "INTERNAL_SERVER_ERROR",
        "Stigg did not answer in time. If it keeps failing, quote the correlation id to support.",
        { failure: { part: "customer", code: "SOURCE_UNAVAILABLE" } },
      ),
      "Stigg did not answer in time",
    ],
  ])("a customer lookup Stigg fails (%#) is App Failed to Load, saying which failure, with the id and Retry", async (error, detail) => {
    const fail = () => {
      throw error;
    };
    const host = new FakeHost().on("getCustomer", fail).on("listSubscriptions", fail).on("getEntitlements", fail);
    const view = renderView(host);
    await view.untilText("App Failed to Load");
    expect(view.wrapper).toContainText(detail);
    expect(view.wrapper).toContainText("Correlation ID: corr-1");
    button(view.wrapper, "Retry");
  });

  it("takes the id from the X-Correlation-Id header when the body is not tRPC's", async () => {
    const view = renderView(new FakeHost());
    // Something in front of the host answers with its own page, passing the header on.
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response("<h1>Bad gateway</h1>", {
          status: 502,
          headers: { "content-type": "text/html", "X-Correlation-Id": "proxy-7" },
        }),
    );
    await view.untilText("App Failed to Load");
    expect(view.wrapper).toContainText("answered HTTP 502");
    expect(view.wrapper).toContainText("Correlation ID: proxy-7");
  });

  it("shows no id when no response came at all", async () => {
    const view = renderView(new FakeHost());
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await view.untilText("App Failed to Load");
    expect(view.wrapper).toContainText("Failed to fetch");
    expect(view.wrapper).not.toContainText("Correlation ID");
    button(view.wrapper, "Retry");
  });

  it("explains a rejected input (the drawer opened on something that is not a customer)", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => fullList());
    const view = renderView(host, { customerId: "pi_123" });
    await view.untilText("App Failed to Load");
    expect(view.wrapper).toContainText("Expected a Stripe customer id like cus_123ABC");
    expect(view.wrapper).toContainText("Correlation ID: corr-1");
    // The same id would be refused again: no Retry that cannot help.
    expect(view.wrapper.findWhere((n) => n.is(Button) && n.text === "Retry")).toBeNull();
    expect(view.wrapper).toContainComponent(Link, { href: "https://app.stigg.io" });
  });

  it("says the app is misconfigured, without Retry, when API_BASE is missing", async () => {
    const host = new FakeHost();
    const view = renderView(host, { constants: {} });
    expect(view.wrapper).toContainText("App Failed to Load");
    expect(view.wrapper).toContainText("API_BASE");
    expect(view.wrapper.findWhere((n) => n.is(Button) && n.text === "Retry")).toBeNull();
    expect(view.wrapper).toContainComponent(Link, { href: "https://app.stigg.io" });
    expect(host.requests).toHaveLength(0);
  });
});

describe("No active entitlements", () => {
  it("says so on the Entitlements tab", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: [] }))
      .on("getEntitlements", () => ({ entitlements: [], fetchedAt: "2026-11-24T14:05:00.000Z", failures: [] }));
    const view = renderView(host, { customerId: "cus_DemoNoEntitlements" });
    await view.untilText("No active entitlements");
    expect(view.wrapper).toContainText("No subscriptions");
    expect(view.wrapper).toContainText("Last refresh on Nov 24, 2026 2:05 PM");
  });
});
