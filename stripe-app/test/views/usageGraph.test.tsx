import { Spinner } from "@stripe/ui-extension-sdk/ui";
import { LineChart } from "@stripe/ui-extension-sdk/ui/next";
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
    await view.until(() => rowOf("API calls").find(LineChart) !== null, "the chart");
    await view.settled();
    expect(host.calls.filter((c) => c.procedure === "getUsageSeries")).toEqual([
      { procedure: "getUsageSeries", input: { stripeCustomerId: CUSTOMER_ID, featureId: "feature-api-calls" } },
    ]);
    expect(rowOf("Active users").find(LineChart)).toBeNull();
  });

  it("draws an events meter as its running total over the whole period, with the limit (ui/next LineChart)", async () => {
    const { view, rowOf } = await renderGraphs((id) => series(points, id));
    await button(rowOf("API calls"), "Show usage graph").trigger("onPress");
    await view.until(() => rowOf("API calls").find(LineChart) !== null, "the chart");
    const data = (rowOf("API calls").find(LineChart)!.props as { data: { x: Date; y: number | null; name: string }[] }).data;
    expect(data.filter((p) => p.name === "Usage").map((p) => p.y)).toEqual([0, 5434, 8974]);
    expect(data.filter((p) => p.name === "Limit (1,000)").map((p) => [p.x.toISOString(), p.y])).toEqual([
      ["2026-11-10T12:00:00.000Z", 1000],
      ["2026-12-10T12:00:00.000Z", 1000],
    ]);
    expect(rowOf("API calls")).toContainText("Usage from Nov 10, 2026 to Dec 10, 2026, accumulated");
  });

  it("continues an events meter with the host's projection as the forecast, said to be an estimate", async () => {
    const projected = metered({
      id: "feature-api-calls",
      name: "API calls",
      meterKind: "events",
      projection: { status: "projected", projectedAtPeriodEnd: 40_000, limitReachedAt: "2026-11-14T00:00:00.000Z", basisDays: 3 },
    });
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => ({ ...list, entitlements: [projected] }))
      .on("getUsageSeries", (input) => series(points, input.featureId));
    const view = renderView(host);
    await view.untilText("Last refresh on");
    const row = () => entitlementRow(view.wrapper, "API calls")!;
    await button(row(), "Show usage graph").trigger("onPress");
    await view.until(() => row().find(LineChart) !== null, "the chart");
    const data = (row().find(LineChart)!.props as { data: { x: Date; y: number | null; period: string }[] }).data;
    const forecast = data.filter((p) => p.period === "forecast");
    expect(forecast.map((p) => p.y)).toEqual([8974, 40_000]);
    expect(forecast.at(-1)!.x.toISOString()).toBe("2026-12-10T12:00:00.000Z");
    expect(row()).toContainText("The forecast continues this period's run rate to its end (estimate).");
  });

  it("draws a usage meter's daily readings as a line", async () => {
    const { view, rowOf } = await renderGraphs((id) => series(points, id));
    await button(rowOf("Active users"), "Show usage graph").trigger("onPress");
    await view.until(() => rowOf("Active users").find(LineChart) !== null, "the chart");
    const data = (rowOf("Active users").find(LineChart)!.props as { data: { y: number | null; name: string }[] }).data;
    expect(data.filter((p) => p.name === "Usage").map((p) => p.y)).toEqual([5434, 3540]);
    expect(rowOf("Active users")).not.toContainText("forecast");
  });

  it("shows an empty state inside the graph when there is no usage data", async () => {
    const { view, rowOf } = await renderGraphs((id) => series([], id));
    await button(rowOf("Active users"), "Show usage graph").trigger("onPress");
    await view.untilText("No usage data for this billing period");
    const r = rowOf("Active users");
    expect(r).toContainText("No usage data for this billing period");
    expect(r).not.toContainComponent(LineChart);
  });

  it("no usage data: no forecast caption under the empty graph, whatever the entitlement projects", async () => {
    const host = new FakeHost()
      .on("getCustomer", () => linked())
      .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
      .on("getEntitlements", () => ({
        ...list,
        entitlements: [
          metered({
            id: "feature-api-calls",
            name: "API calls",
            meterKind: "events",
            projection: { status: "projected", projectedAtPeriodEnd: 900, limitReachedAt: null, basisDays: 10 },
          }),
        ],
      }))
      .on("getUsageSeries", (input) => series([], input.featureId));
    const view = renderView(host);
    await view.untilText("Last refresh on");
    await button(entitlementRow(view.wrapper, "API calls")!, "Show usage graph").trigger("onPress");
    await view.untilText("No usage data for this billing period");
    expect(view.wrapper).not.toContainText("forecast");
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

  it("says why when Stigg rate-limited the read, and for how long", async () => {
    const message = "Stigg is rate-limiting this workspace; try again in 12 s. If it keeps failing, quote the correlation id to support.";
    const { host, view, rowOf } = await renderGraphs(() => {
      throw new HostError("TOO_MANY_REQUESTS", message, { failure: { part: "usage", code: "RATE_LIMITED", retryAfter: 12 } });
    });
    await button(rowOf("Active users"), "Show usage graph").trigger("onPress");
    await view.untilText("Usage could not be loaded.");
    expect(rowOf("Active users")).toContainText(
      `Usage could not be loaded. ${message} Correlation ID: ${host.requests.at(-1)!.correlationId}`,
    );
  });
});
