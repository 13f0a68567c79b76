import { FocusView } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import { FakeHost } from "../support/fakeHost";
import { allSubscriptions, fullList, linked, series } from "../support/fixtures";
import { button, openSubscription, type TreeNode } from "../support/queries";
import { renderView } from "../support/renderView";

// remote-ui's marker for a fragment (an element passed as a prop, e.g. Tooltip's trigger).
const KIND_FRAGMENT = 3;

/** Where in a prop value something is that cannot cross to the Dashboard as data. */
function unserializable(value: unknown, at: string): string[] {
  if (value === null || ["string", "number", "boolean", "undefined"].includes(typeof value)) return [];
  // Callbacks cross as RPC proxies.
  if (typeof value === "function") return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unserializable(v, `${at}[${i}]`));
  const record = value as Record<string, unknown>;
  if (record["kind"] === KIND_FRAGMENT && Array.isArray(record["children"])) return [];
  // remote-ui passes a Date through as it is and postMessage's structured clone carries it;
  // the SDK's own chart data (ui/next) asks for Dates.
  if (value instanceof Date) return [];
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return [`${at} (${proto?.constructor?.name ?? "exotic"})`];
  return Object.entries(record).flatMap(([k, v]) => unserializable(v, `${at}.${k}`));
}

function problems(root: { descendants: unknown[] }): string[] {
  return root.descendants.flatMap((d) => {
    if (typeof d === "string") return [];
    const node = d as TreeNode;
    return Object.entries(node.props as Record<string, unknown>).flatMap(([key, value]) =>
      key === "ref" ? [`${String(node.type)}.ref`] : unserializable(value, `${String(node.type)}.${key}`),
    );
  });
}

describe("props crossing the remote-ui boundary", () => {
  it("are plain data or callbacks everywhere: tabs, rows, charts and the subscription drawer", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => fullList())
      .on("getUsageSeries", (input) => series([{ timestamp: "2026-11-11T00:00:00.000Z", value: 3 }], input.featureId));
    const view = renderView(host);
    await view.untilText("Last refresh on");
    for (const show of view.wrapper.findAllWhere((n) => n.type === "Button" && n.text === "Show usage graph")) {
      await (show as TreeNode).trigger("onPress");
    }
    await openSubscription(view.wrapper, "sub_DemoFullSeats");
    await view.until(() => view.wrapper.find(FocusView)?.text.includes("Seats") === true, "the drawer");
    await view.settled();
    button(view.wrapper, "Hide usage graph");

    expect(problems(view.wrapper as unknown as { descendants: unknown[] })).toEqual([]);
  });

  it("would catch a class instance (a Date excepted)", () => {
    expect(unserializable({ when: new Date(0) }, "p")).toEqual([]);
    expect(unserializable({ when: new URL("https://example.com") }, "p")).toEqual(["p.when (URL)"]);
    expect(unserializable([new Map()], "p")).toEqual(["p[0] (Map)"]);
    expect(unserializable({ data: [{ day: "Nov 11", usage: 1 }] }, "p")).toEqual([]);
  });
});
