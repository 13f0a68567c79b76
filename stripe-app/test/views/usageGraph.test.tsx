import { BarChart, LineChart, Spinner } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import type { EntitlementList, UsageSeries } from "@/contract";
import { FakeHost, HostError } from "../support/fakeHost";
import { allSubscriptions, CUSTOMER_ID, FETCHED_AT, linked, metered, series } from "../support/fixtures";
import { button, entitlementRow } from "../support/queries";
import { renderView } from "../support/renderView";

const list: EntitlementList = {
  fetchedAt: FETCHED_AT,
  failures: [],
  entitlements: [
    metered(),
    metered({
      id: "feature-api-calls",
      name: "API calls",
      meterKind: "events",
      unit: { singular: "API call", plural: "API calls" },
    }),
  ],
};

const points = [
  { timestamp: "2026-11-11T00:00:00.000Z", value: 5434 },
  { timestamp: "2026-11-12T00:00:00.000Z", value: 3540 },
];

async function renderGraphs(usage: (featureId: string) => UsageSeries) {
  const host = new FakeHost()
    .on("getCustomer", () => linked())
    .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
    .on("getEntitlements", () => list)
    .on("getUsageSeries", (input) => usage(input.featureId));
  const view = renderView(host);
  await view.untilText("Last refresh on");
  const rowOf = (name: string) => entitlementRow(view.wrapper, name)!;
  return { host, view, rowOf };
}

describe("usage graph", () => {
  it("is fetched only when its row's graph is opened", async () => {
    const { host, view, rowOf } = await renderGraphs((id) => series(points, id));
    await view.settled();
    expect(host.calls.map((c) => c.procedure)).not.toContain("getUsageSeries");

    await button(rowOf("API calls"), "Show usage graph").trigger("onPress");
    await view.until(() => rowOf("API calls").find(BarChart) !== null, "the chart");
    await view.settled();
    expect(host.calls.filter((c) => c.procedure === "getUsageSeries")).toEqual([
      { procedure: "getUsageSeries", input: { stripeCustomerId: CUSTOMER_ID, featureId: "feature-api-calls" } },
    ]);
    expect(rowOf("Active users").find(LineChart)).toBeNull();
  });

  it("draws an events meter as daily bars, with plain strings and numbers as data", async () => {
    const { view, rowOf } = await renderGraphs((id) => series(points, id));
    await button(rowOf("API calls"), "Show usage graph").trigger("onPress");
    await view.until(() => rowOf("API calls").find(BarChart) !== null, "the chart");
    expect(rowOf("API calls").find(BarChart)).toHaveProps({
      data: [
        { day: "Nov 11", usage: 5434 },
        { day: "Nov 12", usage: 3540 },
      ],
      x: "day",
      y: "usage",
    });
    expect(rowOf("API calls")).toContainText("Usage from Nov 10, 2026 to Dec 10, 2026");
  });

  it("draws a usage meter as a line", async () => {
    const { view, rowOf } = await renderGraphs((id) => series(points, id));
    await button(rowOf("Active users"), "Show usage graph").trigger("onPress");
    await view.until(() => rowOf("Active users").find(LineChart) !== null, "the chart");
    expect(rowOf("Active users").find(LineChart)).toHaveProps({ x: "day", y: "usage" });
  });

  it("shows an empty state inside the graph when there is no usage data", async () => {
    const { view, rowOf } = await renderGraphs((id) => series([], id));
    await button(rowOf("Active users"), "Show usage graph").trigger("onPress");
    await view.untilText("No usage data for this billing period");
    const r = rowOf("Active users");
    expect(r).toContainText("No usage data for this billing period");
    expect(r).not.toContainComponent(LineChart);
    expect(r).not.toContainComponent(BarChart);
  });

  it("shows a spinner while loading, and hides again", async () => {
    const { host, view, rowOf } = await renderGraphs((id) => series(points, id));
    host.hold();
    await button(rowOf("Active users"), "Show usage graph").trigger("onPress");
    expect(rowOf("Active users")).toContainComponent(Spinner);
    host.resume();
    await view.until(() => rowOf("Active users").find(LineChart) !== null, "the chart");
    await button(rowOf("Active users"), "Hide usage graph").trigger("onPress");
    expect(rowOf("Active users")).not.toContainComponent(LineChart);
    button(rowOf("Active users"), "Show usage graph");
  });

  it("says when the series cannot be loaded, with the correlation id", async () => {
    const { host, view, rowOf } = await renderGraphs(() => {
      throw new HostError("INTERNAL_SERVER_ERROR", "The data source could not be read.");
    });
    await button(rowOf("Active users"), "Show usage graph").trigger("onPress");
    await view.untilText("Usage could not be loaded.");
    expect(rowOf("Active users")).toContainText(
      `Usage could not be loaded. Correlation ID: ${host.requests.at(-1)!.correlationId}`,
    );
  });
});
