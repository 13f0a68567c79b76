import { describe, expect, it } from "vitest";
import type { Entitlement, EntitlementList } from "@/contract";
import { FakeHost } from "../support/fakeHost";
import { allSubscriptions, FETCHED_AT, linked, metered } from "../support/fixtures";
import { entitlementRow } from "../support/queries";
import { renderView } from "../support/renderView";

const only = (...entitlements: Entitlement[]): EntitlementList => ({ fetchedAt: FETCHED_AT, entitlements, failures: [] });

async function renderRows(list: EntitlementList) {
  const host = new FakeHost()
    .on("getCustomer", () => linked())
    .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
    .on("getEntitlements", () => list);
  const view = renderView(host);
  await view.untilText("Last refresh on");
  const row = (name: string) => {
    const found = entitlementRow(view.wrapper, name);
    if (!found) throw new Error(`No row "${name}"`);
    return found;
  };
  return { view, row };
}

const period = { currentPeriodStart: "2026-11-01T00:00:00.000Z", currentPeriodEnd: "2026-12-01T00:00:00.000Z" };

describe("metered rows: the projection line", () => {
  it("shows the projection as an estimate under the usage text, and nothing where the host projected nothing", async () => {
    const { row } = await renderRows(
      only(
        metered({
          id: "feature-api-calls",
          name: "API calls",
          meterKind: "events",
          currentUsage: 600,
          ...period,
          unit: { singular: "API call", plural: "API calls" },
          projection: { status: "projected", projectedAtPeriodEnd: 1240, limitReachedAt: "2026-11-25T12:00:00.000Z", basisDays: 12 },
        }),
        metered({ name: "Active users", projection: null }),
      ),
    );
    expect(row("API calls")).toContainText("600 / 1,000 API calls per month");
    expect(row("API calls")).toContainText("Projected 1,240 / 1,000 by Dec 1 · reaches the limit around Nov 25 (estimate from 12 days)");
    expect(row("Active users")).not.toContainText("Projected");
  });

  it("says the limit is already exceeded instead of projecting", async () => {
    const { row } = await renderRows(
      only(
        metered({
          id: "feature-ai-generations",
          name: "AI generations",
          meterKind: "events",
          currentUsage: 1150,
          softLimit: true,
          ...period,
          projection: { status: "overLimit" },
        }),
      ),
    );
    expect(row("AI generations")).toContainText("Already over the limit this period");
    expect(row("AI generations")).not.toContainText("Projected");
  });
});
