import { Banner, Box, Button, FocusView, Link, ListItem, Select, Spinner, TabPanel } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import type { EntitlementList, EntitlementPart, PartFailure } from "@/contract";
import { type CallContext, FakeHost, HostError, internalError } from "../support/fakeHost";
import { allSubscriptions, FETCHED_AT, fullList, linked, PRO } from "../support/fixtures";
import { banners, button, entitlementRow, openSubscription, type Root, shownEntitlementNames, type TreeNode } from "../support/queries";
import { renderView } from "../support/renderView";

// Subscriptions, feature entitlements and credits are independent reads: one failing
// leaves the others on screen, with a notice (correlation id, Retry) in the failed section.

const MESSAGES: Record<PartFailure["code"], string> = {
  SOURCE_UNAVAILABLE: "Could not be loaded. Retry; if it keeps failing, quote the correlation id.",
  RATE_LIMITED: "Stigg is rate limiting this workspace; not loaded. Retry in a moment.",
  KEY_REJECTED: "The restricted key this workspace was linked with no longer opens this Stripe account. Link it again with a working key.",
};

const isCredits = (e: { kind: string }) => e.kind === "credits";

/** What the host answers when `failed` parts of getEntitlements fail and the rest loads. */
function partial(failed: EntitlementPart[], ctx: CallContext, code: PartFailure["code"] = "SOURCE_UNAVAILABLE") {
  const full = fullList();
  return {
    fetchedAt: FETCHED_AT,
    entitlements: full.entitlements.filter((e) => !failed.includes(isCredits(e) ? "credits" : "features")),
    failures: failed.map((part) => ({ part, code, message: MESSAGES[code], correlationId: ctx.correlationId })),
  } satisfies EntitlementList;
}

const FEATURE_NAMES = fullList()
  .entitlements.filter((e) => !isCredits(e))
  .map((e) => e.name);
const CREDIT_NAMES = fullList().entitlements.filter(isCredits).map((e) => e.name);

const isNode = (c: TreeNode | string): c is TreeNode => typeof c !== "string";

function tab(root: Root, id: "entitlements" | "subscriptions"): TreeNode {
  const found = root.find(TabPanel, { id });
  if (!found) throw new Error(`No tab panel "${id}"`);
  return found;
}

/** A host whose parts fail while the switch for them is on. */
function flakyHost() {
  const down = { features: false, credits: false, subscriptions: false, entitlements: false, customer: false };
  const host = new FakeHost()
    .on("getCustomer", () => {
      if (down.customer) throw internalError();
      return linked();
    })
    .on("listSubscriptions", () => {
      if (down.subscriptions) throw internalError();
      return { subscriptions: allSubscriptions };
    })
    .on("getEntitlements", (_input, ctx) => {
      if (down.entitlements) throw internalError();
      const failed = (["features", "credits"] as const).filter((part) => down[part]);
      return partial(failed, ctx);
    });
  return { host, down };
}

async function openDrawer(host: FakeHost) {
  const view = renderView(host);
  await view.untilText("Acme Corp");
  await view.settled();
  return view;
}

describe("a failed entitlement part", () => {
  it("features failing leaves the credits, with a critical notice above the list", async () => {
    const { host, down } = flakyHost();
    down.features = true;
    const view = await openDrawer(host);
    const entitlements = tab(view.wrapper, "entitlements");

    expect(shownEntitlementNames(entitlements)).toEqual(CREDIT_NAMES);
    const [notice, ...others] = banners(entitlements);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ type: "critical", title: "Feature entitlements not loaded", actions: ["Retry"] });
    expect(notice!.description).toContain(MESSAGES.SOURCE_UNAVAILABLE);
    expect(notice!.description).toContain(`Correlation ID: ${host.requests[0]!.correlationId}`);

    // Above the list: in the panel's stack, the Banner comes before the first row.
    const stack = entitlements.findWhere((n) => n.is(Box) && n.children.some((c) => isNode(c) && c.is(Banner)))!;
    const position = (match: (c: TreeNode) => boolean) => stack.children.findIndex((c) => isNode(c) && match(c));
    const firstRow = entitlementRow(stack, CREDIT_NAMES[0]!)!;
    expect(position((c) => c.is(Banner))).toBeLessThan(position((c) => c === firstRow));
    expect(view.wrapper).not.toContainText("No active entitlements");
    expect(view.wrapper).not.toContainText("App Failed to Load");
    // The other tab is untouched.
    expect(banners(tab(view.wrapper, "subscriptions"))).toEqual([]);
    expect(tab(view.wrapper, "subscriptions").find(ListItem, { id: "sub_DemoFullPro" })).not.toBeNull();
  });

  it("credits failing leaves every feature, with a notice naming the credits", async () => {
    const { host, down } = flakyHost();
    down.credits = true;
    const view = await openDrawer(host);
    const entitlements = tab(view.wrapper, "entitlements");

    expect(shownEntitlementNames(entitlements)).toEqual(FEATURE_NAMES);
    expect(banners(entitlements)).toMatchObject([{ type: "critical", title: "Credit balances not loaded" }]);
    expect(banners(entitlements)[0]!.description).toContain("Correlation ID: corr-1");
  });

  it("both failing shows both notices and does not claim there are no entitlements", async () => {
    const { host, down } = flakyHost();
    down.features = down.credits = true;
    const view = await openDrawer(host);
    const entitlements = tab(view.wrapper, "entitlements");
    expect(banners(entitlements).map((b) => b.title)).toEqual([
      "Feature entitlements not loaded",
      "Credit balances not loaded",
    ]);
    expect(shownEntitlementNames(entitlements)).toEqual([]);
    expect(entitlements).not.toContainText("No active entitlements");
  });

  it("rate limiting reads as such: a caution that says Stigg is rate limiting", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", (_input, ctx) => partial(["credits"], ctx, "RATE_LIMITED"));
    const view = await openDrawer(host);
    const [notice] = banners(tab(view.wrapper, "entitlements"));
    expect(notice).toMatchObject({ type: "caution", title: "Stigg is rate limiting requests", actions: ["Retry"] });
    expect(notice!.description).toContain(MESSAGES.RATE_LIMITED);
    expect(notice!.description).toContain("Correlation ID: corr-1");
  });

  it("Retry asks for the entitlements alone and shows the credits once they load", async () => {
    const { host, down } = flakyHost();
    down.credits = true;
    const view = await openDrawer(host);
    expect(host.requests).toHaveLength(1);

    down.credits = false;
    banners(tab(view.wrapper, "entitlements"))[0]!.press("Retry");
    await view.until(() => banners(view.wrapper).length === 0, "the notice to go");
    await view.settled();

    expect(host.requests.map((r) => r.calls.map((c) => c.procedure))).toEqual([
      ["getCustomer", "listSubscriptions", "getEntitlements"],
      ["getEntitlements"],
    ]);
    expect(shownEntitlementNames(tab(view.wrapper, "entitlements")).sort()).toEqual(
      [...FEATURE_NAMES, ...CREDIT_NAMES].sort(),
    );
  });

  it("Retry is pending while it asks, and a second failure shows the new correlation id", async () => {
    const { host, down } = flakyHost();
    down.features = true;
    const view = await openDrawer(host);

    host.hold();
    banners(view.wrapper)[0]!.press("Retry");
    const retry = () => {
      const banner = view.wrapper.find(Banner)!;
      return (banner.props.actions as unknown as { children: { props: { pending?: boolean } }[] }).children[0]!;
    };
    await view.until(() => host.requests.length === 2 && retry().props.pending === true, "a pending Retry");
    host.resume();
    await view.until(() => banners(view.wrapper)[0]?.description.includes("corr-2") === true, "the second id");
    expect(retry().props.pending).toBe(false);
    expect(banners(view.wrapper)[0]!.description).not.toContain("corr-1");
  });
});

describe("a failed getEntitlements call", () => {
  it("shows the notice in the Entitlements tab, not App Failed to Load, and Retry recovers", async () => {
    const { host, down } = flakyHost();
    down.entitlements = true;
    const view = await openDrawer(host);

    expect(view.wrapper).not.toContainText("App Failed to Load");
    const [notice, ...others] = banners(tab(view.wrapper, "entitlements"));
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ type: "critical", title: "Entitlements not loaded", actions: ["Retry"] });
    expect(notice!.description).toContain("The data source could not be read.");
    expect(notice!.description).toContain("Correlation ID: corr-1");
    expect(tab(view.wrapper, "subscriptions").find(ListItem, { id: "sub_DemoFullPro" })).not.toBeNull();

    down.entitlements = false;
    notice!.press("Retry");
    await view.until(() => shownEntitlementNames(view.wrapper).length > 0, "the entitlements");
    expect(banners(view.wrapper)).toEqual([]);
    expect(host.requests[1]!.calls.map((c) => c.procedure)).toEqual(["getEntitlements"]);
  });
});

describe("failed subscriptions", () => {
  it("leave the entitlements on screen, with the notice in the Subscriptions tab", async () => {
    const { host, down } = flakyHost();
    down.subscriptions = true;
    const view = await openDrawer(host);

    expect(view.wrapper).not.toContainText("App Failed to Load");
    const subscriptions = tab(view.wrapper, "subscriptions");
    const [notice, ...others] = banners(subscriptions);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ type: "critical", title: "Subscriptions not loaded", actions: ["Retry"] });
    expect(notice!.description).toContain("The data source could not be read.");
    expect(notice!.description).toContain(`Correlation ID: ${host.requests[0]!.correlationId}`);
    expect(subscriptions.find(Link)).toBeNull();

    const entitlements = tab(view.wrapper, "entitlements");
    expect(banners(entitlements)).toEqual([]);
    expect(shownEntitlementNames(entitlements).sort()).toEqual([...FEATURE_NAMES, ...CREDIT_NAMES].sort());
    // No subscriptions to offer: the list keeps its type filter, without a subscription filter.
    const selects = entitlements.findAll(Select).map((s) => (s.props as { label: string }).label);
    expect(selects).toEqual(["Type"]);
  });

  it("rate limited by Stigg: a caution that says so and when to try again", async () => {
    const message = "Stigg is rate-limiting this workspace; try again in 20 s. If it keeps failing, quote the correlation id to support.";
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => {
        throw new HostError("TOO_MANY_REQUESTS", message, { failure: { part: "subscriptions", code: "RATE_LIMITED", retryAfter: 20 } });
      })
      .on("getEntitlements", (_input, ctx) => partial([], ctx));
    const view = await openDrawer(host);
    const [notice] = banners(tab(view.wrapper, "subscriptions"));
    expect(notice).toMatchObject({ type: "caution", title: "Stigg is rate limiting requests", actions: ["Retry"] });
    expect(notice!.description).toContain(message);
  });

  it("Retry asks for the subscriptions alone and lists them once they load", async () => {
    const { host, down } = flakyHost();
    down.subscriptions = true;
    const view = await openDrawer(host);

    down.subscriptions = false;
    host.hold();
    banners(tab(view.wrapper, "subscriptions"))[0]!.press("Retry");
    // While it asks, the tab waits on its own; the header and the entitlements stay.
    await view.until(() => tab(view.wrapper, "subscriptions").find(Spinner) !== null, "the tab's spinner");
    expect(view.wrapper).toContainText("Acme Corp");
    expect(shownEntitlementNames(tab(view.wrapper, "entitlements"))).not.toEqual([]);
    host.resume();
    await view.until(() => tab(view.wrapper, "subscriptions").find(ListItem, { id: "sub_DemoFullPro" }) !== null, "the subscriptions");
    await view.settled();
    expect(banners(view.wrapper)).toEqual([]);
    expect(host.requests.map((r) => r.calls.map((c) => c.procedure))).toEqual([
      ["getCustomer", "listSubscriptions", "getEntitlements"],
      ["listSubscriptions"],
    ]);
    // And now the entitlements can be filtered by subscription again.
    const selects = tab(view.wrapper, "entitlements")
      .findAll(Select)
      .map((s) => (s.props as { label: string }).label);
    expect(selects).toHaveLength(2);
  });
});

describe("the Subscription drawer", () => {
  it("shows a failed part of its entitlements as a notice inside the drawer", async () => {
    const { host, down } = flakyHost();
    const view = await openDrawer(host);
    down.credits = true;
    await openSubscription(view.wrapper, PRO.subscriptionId);
    await view.until(() => view.wrapper.find(FocusView) !== null, "the Subscription drawer");
    await view.settled();
    const drawer = view.wrapper.find(FocusView)!;
    expect(banners(drawer)).toMatchObject([{ title: "Credit balances not loaded" }]);
    expect(banners(drawer)[0]!.description).toContain(`Correlation ID: ${host.requests.at(-1)!.correlationId}`);
    expect(host.calls.at(-1)).toMatchObject({ procedure: "getEntitlements", input: { subscriptionId: PRO.subscriptionId } });
  });
});

describe("a failed customer lookup", () => {
  it("is still App Failed to Load, even though subscriptions and entitlements answered", async () => {
    const { host, down } = flakyHost();
    down.customer = true;
    const view = renderView(host);
    await view.untilText("App Failed to Load");
    await view.settled();
    expect(view.wrapper).toContainText("Correlation ID: corr-1");
    expect(banners(view.wrapper)).toEqual([]);
    expect(view.wrapper.find(TabPanel)).toBeNull();
    button(view.wrapper, "Retry");
    expect(view.wrapper).toContainComponent(Button);
  });
});
