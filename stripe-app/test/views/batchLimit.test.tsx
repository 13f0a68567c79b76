import { LineChart } from "@stripe/ui-extension-sdk/ui/next";
import { describe, expect, it } from "vitest";
import { type EntitlementList, MAX_BATCH_CALLS } from "@/contract";
import { FakeHost } from "../support/fakeHost";
import { allSubscriptions, FETCHED_AT, linked, metered, series } from "../support/fixtures";
import { button, entitlementRow, refreshButton } from "../support/queries";
import { renderView } from "../support/renderView";

// More graphs than one batch may hold: a refresh reloads all of them in the same tick.
const GRAPHS = MAX_BATCH_CALLS + 4;
const names = Array.from({ length: GRAPHS }, (_, i) => `Meter ${i + 1}`);
const list: EntitlementList = {
  fetchedAt: FETCHED_AT,
  failures: [],
  entitlements: names.map((name, i) => metered({ id: `feature-meter-${i + 1}`, name, meterKind: "events" })),
};

describe("batching against the host's batch limit", () => {
  it("a refresh with more usage graphs open than a batch holds splits its requests, and every graph loads again", async () => {
    let reads = 0;
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => list)
      .on("getUsageSeries", (input) => {
        reads++;
        return series([{ timestamp: "2026-11-11T00:00:00.000Z", value: reads }], input.featureId);
      });
    const view = renderView(host);
    await view.untilText("Last refresh on");
    const rowOf = (name: string) => entitlementRow(view.wrapper, name)!;
    for (const name of names) await button(rowOf(name), "Show usage graph").trigger("onPress");
    await view.until(() => names.every((n) => rowOf(n).find(LineChart) !== null), "every chart");
    await view.settled();
    const before = host.requests.length;
    const readsBefore = reads;

    await refreshButton(view.wrapper).trigger("onPress");
    await view.until(() => reads - readsBefore === GRAPHS, "every graph read again");
    await view.settled();

    const refresh = host.requests.slice(before);
    expect(refresh.every((r) => r.calls.length > 0 && r.calls.length <= MAX_BATCH_CALLS)).toBe(true);
    expect(refresh.flatMap((r) => r.calls).filter((c) => c.procedure === "getUsageSeries")).toHaveLength(GRAPHS);
    // Split, not refused: more than one request carried the reloads.
    expect(refresh.filter((r) => r.calls.some((c) => c.procedure === "getUsageSeries")).length).toBeGreaterThan(1);
    expect(names.every((n) => rowOf(n).find(LineChart) !== null)).toBe(true);
    expect(view.wrapper.text).not.toContain("Correlation ID");
  });
});
