import { fetchStripeSignature } from "@stripe/ui-extension-sdk/utils";
import { describe, expect, it, vi } from "vitest";
import { FakeHost } from "../support/fakeHost";
import { allSubscriptions, CUSTOMER_ID, fullList, linked } from "../support/fixtures";
import { refreshButton } from "../support/queries";
import { ACCOUNT_ID, renderView, USER_ID } from "../support/renderView";
import { TEST_SIGNATURE } from "../support/stripeSignature";

const linkedHost = () =>
  new FakeHost()
    .on("getCustomer", () => linked())
    .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
    .on("getEntitlements", () => fullList());

describe("first paint", () => {
  it("is one batched, signed HTTP request for customer, subscriptions and entitlements", async () => {
    const host = linkedHost();
    const view = renderView(host);
    await view.untilText("Acme Corp");
    await view.settled();

    expect(host.requests).toHaveLength(1);
    const [request] = host.requests;
    expect(request!.method).toBe("GET");
    expect(request!.url.origin + request!.url.pathname).toBe(
      "http://localhost:3000/api/trpc/getCustomer,listSubscriptions,getEntitlements",
    );
    // Plain JSON inputs: no transformer envelope ({ json: … }) on the wire.
    expect(request!.calls.map((c) => c.input)).toEqual([
      { stripeCustomerId: CUSTOMER_ID },
      { stripeCustomerId: CUSTOMER_ID },
      { stripeCustomerId: CUSTOMER_ID },
    ]);
    expect(request!.headers.get("Stripe-Signature")).toBe(TEST_SIGNATURE);
    expect(request!.headers.get("Stripe-User-Id")).toBe(USER_ID);
    expect(request!.headers.get("Stripe-Account-Id")).toBe(ACCOUNT_ID);
  });

  it("asks Stripe for a fresh signature for every request (they expire within minutes)", async () => {
    const signature = vi.mocked(fetchStripeSignature);
    signature.mockClear();
    const host = linkedHost();
    const view = renderView(host);
    await view.untilText("Last refresh on");
    await view.settled();
    expect(signature).toHaveBeenCalledTimes(1);
    await refreshButton(view.wrapper).trigger("onPress");
    await view.settled();
    expect(host.requests).toHaveLength(2);
    expect(signature).toHaveBeenCalledTimes(2);
    expect(host.requests[1]!.headers.get("Stripe-Signature")).toBe(TEST_SIGNATURE);
  });

  it("calls the host named by the manifest's API_BASE constant", async () => {
    const host = new FakeHost("https://stigg-app.example.com")
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: [] }))
      .on("getEntitlements", () => fullList());
    const view = renderView(host);
    await view.untilText("Acme Corp");
    expect(host.requests[0]!.url.origin).toBe("https://stigg-app.example.com");
  });

  it("shows the centred spinner with 'Loading Data From Stigg' until the answer arrives", async () => {
    const host = linkedHost();
    host.hold();
    const view = renderView(host);
    await view.until(() => host.requests.length === 1, "the first request");
    const { Spinner } = await import("@stripe/ui-extension-sdk/ui");
    expect(view.wrapper).toContainComponent(Spinner);
    expect(view.wrapper).toContainText("Loading Data From Stigg");
    expect(view.wrapper).not.toContainText("Acme Corp");

    host.resume();
    await view.untilText("Acme Corp");
    expect(view.wrapper).not.toContainText("Loading Data From Stigg");
  });
});
