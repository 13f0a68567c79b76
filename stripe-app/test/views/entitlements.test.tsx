import { Badge, Inline, Select, TextField } from "@stripe/ui-extension-sdk/ui";
import { describe, expect, it } from "vitest";
import type { Entitlement, EntitlementList } from "@/contract";
import { METERED_TOOLTIP } from "../../src/components/EntitlementIcon";
import { FakeHost, internalError } from "../support/fakeHost";
import {
  allSubscriptions,
  credits,
  CUSTOMER_ID,
  FETCHED_AT,
  flag,
  fullList,
  linked,
  metered,
  numeric,
  SEATS,
} from "../support/fixtures";
import { entitlementRow, meterLevel, refreshButton, rowIcon, shownEntitlementNames } from "../support/queries";
import { renderView } from "../support/renderView";

async function renderEntitlements(list: EntitlementList | (() => EntitlementList) = fullList()) {
  const host = new FakeHost()
    .on("getCustomer", () => linked())
    .on("listSubscriptions", () => ({ subscriptions: allSubscriptions }))
    .on("getEntitlements", typeof list === "function" ? list : () => list);
  const view = renderView(host);
  await view.untilText("Last refresh on");
  return { host, view };
}

const only = (...entitlements: Entitlement[]): EntitlementList => ({ fetchedAt: FETCHED_AT, entitlements, failures: [] });

function row(view: Awaited<ReturnType<typeof renderEntitlements>>["view"], name: string) {
  const found = entitlementRow(view.wrapper, name);
  if (!found) throw new Error(`No row "${name}"`);
  return found;
}

describe("Entitlements tab: rows", () => {
  it("gives each kind its icon; only metered rows have the tooltip, with the exact text", async () => {
    const { view } = await renderEntitlements(
      only(
        metered(),
        metered({ id: "feature-api-calls", name: "API calls", meterKind: "events" }),
        flag(),
        numeric(),
        credits(),
      ),
    );
    expect(rowIcon(row(view, "Active users"))).toEqual({ name: "usage", tooltip: METERED_TOOLTIP });
    expect(rowIcon(row(view, "API calls"))).toEqual({ name: "usage", tooltip: METERED_TOOLTIP });
    expect(rowIcon(row(view, "Advanced analytics"))).toEqual({ name: "flag", tooltip: null });
    expect(rowIcon(row(view, "Max file size"))).toEqual({ name: "settings", tooltip: null });
    expect(rowIcon(row(view, "AI credits"))).toEqual({ name: "wallet", tooltip: null });
    expect(METERED_TOOLTIP).toBe(
      "Customer usage is determined by aggregation of reported events. Entitlement enforcement is near real-time.",
    );
  });

  it("metered: usage text, bar, source subscription", async () => {
    const { view } = await renderEntitlements(only(metered()));
    const r = row(view, "Active users");
    expect(r).toContainText("250 / 1,000 active users per month");
    expect(r).toContainText("25%");
    expect(r).toContainText("From Pro");
    expect(meterLevel(r)).toBe("neutral");
  });

  it.each([
    [79, "neutral"],
    [80, "warning"],
    [99, "warning"],
    [100, "negative"],
    [101, "urgent"],
  ])("metered at %i %% of the limit has a %s badge by its meter", async (percent, color) => {
    const { view } = await renderEntitlements(only(metered({ currentUsage: percent * 10, usageLimit: 1000 })));
    const r = row(view, "Active users");
    expect(meterLevel(r)).toBe(color);
    expect(r).toContainText(`${percent}%`);
  });

  it("a soft limit over 100 % is urgent, with a note that usage is allowed", async () => {
    const { view } = await renderEntitlements(
      only(metered({ name: "AI generations", softLimit: true, currentUsage: 1150, usageLimit: 1000 })),
    );
    const r = row(view, "AI generations");
    expect(meterLevel(r)).toBe("urgent");
    expect(r).toContainText("115% · over the limit");
    // Said once: the projection line does not repeat "soft".
    expect(r.text.match(/soft limit/gi)).toHaveLength(1);
    expect(r).toContainText("Soft limit exceeded: usage above the limit is still allowed");
  });

  it("a soft limit under 100 % is only noted", async () => {
    const { view } = await renderEntitlements(only(metered({ softLimit: true })));
    const r = row(view, "Active users");
    expect(meterLevel(r)).toBe("neutral");
    expect(r).toContainText("Soft limit");
    expect(r).not.toContainText("exceeded");
  });

  it("unlimited (from the flag) shows Unlimited and no bar", async () => {
    const { view } = await renderEntitlements(
      only(
        metered({
          name: "Emails sent",
          unlimited: true,
          usageLimit: null,
          currentUsage: 4321,
          unit: { singular: "email", plural: "emails" },
        }),
      ),
    );
    const r = row(view, "Emails sent");
    expect(r).toContainText("4,321 emails per month · Unlimited");
    expect(meterLevel(r)).toBeNull();
  });

  it("a missing limit without the unlimited flag is not shown as Unlimited", async () => {
    const { view } = await renderEntitlements(only(metered({ unlimited: false, usageLimit: null })));
    const r = row(view, "Active users");
    expect(r).toContainText("250 active users per month");
    expect(r).not.toContainText("Unlimited");
    expect(meterLevel(r)).toBeNull();
  });

  it("uses the singular unit for a limit of 1 and the plural otherwise", async () => {
    const unit = { singular: "workspace", plural: "workspaces" };
    const { view } = await renderEntitlements(
      only(
        metered({
          id: "feature-workspaces",
          name: "Workspaces",
          unit,
          currentUsage: 1,
          usageLimit: 1,
          resetPeriod: null,
        }),
        metered({
          id: "feature-projects",
          name: "Projects",
          unit: { singular: "project", plural: "projects" },
          currentUsage: 1,
          usageLimit: 5,
          resetPeriod: "year",
        }),
      ),
    );
    expect(row(view, "Workspaces")).toContainText("1 / 1 workspace");
    expect(row(view, "Workspaces")).not.toContainText("workspaces");
    expect(meterLevel(row(view, "Workspaces"))).toBe("negative");
    expect(row(view, "Projects")).toContainText("1 / 5 projects per year");
  });

  it("boolean: enabled or disabled", async () => {
    const { view } = await renderEntitlements(
      only(flag(), flag({ id: "feature-custom-domain", name: "Custom domain", enabled: false })),
    );
    expect(row(view, "Advanced analytics").find(Badge)).toHaveProps({ type: "positive" });
    expect(row(view, "Advanced analytics")).toContainText("Enabled");
    expect(row(view, "Custom domain").find(Badge)).toHaveProps({ type: "neutral" });
    expect(row(view, "Custom domain")).toContainText("Disabled");
  });

  it("numeric: value with unit, a string value, or Unlimited", async () => {
    const { view } = await renderEntitlements(
      only(
        numeric(),
        numeric({ id: "feature-support-tier", name: "Support tier", value: "Priority", unit: null }),
        numeric({
          id: "feature-data-retention",
          name: "Data retention",
          value: null,
          unlimited: true,
          unit: { singular: "day", plural: "days" },
        }),
      ),
    );
    expect(row(view, "Max file size")).toContainText("5 MB");
    expect(row(view, "Support tier")).toContainText("Priority");
    expect(row(view, "Data retention")).toContainText("Unlimited");
  });

  it("credits: credit type, balance against granted, bar of what is left", async () => {
    const { view } = await renderEntitlements(only(credits()));
    const r = row(view, "AI credits");
    expect(r).toContainText("2,250 / 6,000 credits remaining");
    expect(r).toContainText("38% remaining");
    expect(r).toContainText("3,750 credits consumed");
    expect(meterLevel(r)).toBe("neutral");
  });

  it("credits running out turn the bar amber, then red", async () => {
    const { view } = await renderEntitlements(
      only(
        credits(),
        credits({ id: "credits-low", name: "Low credits", currentBalance: 600 }),
        credits({ id: "credits-none", name: "No credits", currentBalance: 0 }),
      ),
    );
    expect(meterLevel(row(view, "Low credits"))).toBe("warning");
    const none = row(view, "No credits");
    expect(meterLevel(none)).toBe("negative");
    expect(none).toContainText("0% remaining");
  });

  it("shows when the list was read, formatted for the user", async () => {
    const { view } = await renderEntitlements();
    expect(view.wrapper).toContainText("Last refresh on Nov 24, 2026 2:05 PM");
  });
});

describe("Entitlements tab: filters", () => {
  const all = fullList().entitlements.map((e) => e.name);

  it("offers the four types and every entitling (active, in trial) subscription as plan name + id", async () => {
    const { view } = await renderEntitlements();
    const type = view.wrapper.find(Select, { label: "Type" })!;
    expect(type.findAll("option" as never).map((o) => o.text)).toEqual([
      "All types",
      "Metered",
      "Boolean",
      "Numeric",
      "Credits",
    ]);
    const subscription = view.wrapper.find(Select, { label: "Subscription" })!;
    expect(subscription.findAll("option" as never).map((o) => o.text)).toEqual([
      "All subscriptions",
      "Pro · sub_DemoFullPro",
      "Extra Seats · sub_DemoFullSeats",
    ]);
    // Not started, payment pending, canceled and expired grant nothing: not offered.
    for (const s of allSubscriptions.filter((x) => x.status !== "ACTIVE" && x.status !== "IN_TRIAL")) {
      expect(subscription).not.toContainText(s.id);
    }
    expect(shownEntitlementNames(view.wrapper)).toEqual(all);
  });

  it("search narrows by name as the user types, ignoring case", async () => {
    const { view } = await renderEntitlements();
    const search = () => view.wrapper.find(TextField)!;
    await search().trigger("onChange", { target: { value: "a" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual([
      "Active users",
      "Advanced analytics",
      "AI credits",
      "API calls",
      "Custom domain",
      "Max file size",
      "Seats",
    ]);
    await search().trigger("onChange", { target: { value: "AP" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual(["API calls"]);
    expect(search()).toHaveProps({ value: "AP" });
    await search().trigger("onChange", { target: { value: "" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual(all);
  });

  it("the type filter alone", async () => {
    const { view } = await renderEntitlements();
    await view.wrapper.find(Select, { label: "Type" })!.trigger("onChange", { target: { value: "metered" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual(["Active users", "API calls", "Seats"]);
    await view.wrapper.find(Select, { label: "Type" })!.trigger("onChange", { target: { value: "credits" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual(["AI credits"]);
    await view.wrapper.find(Select, { label: "Type" })!.trigger("onChange", { target: { value: "" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual(all);
  });

  it("the subscription filter alone", async () => {
    const { view } = await renderEntitlements();
    await view.wrapper
      .find(Select, { label: "Subscription" })!
      .trigger("onChange", { target: { value: SEATS.subscriptionId } });
    expect(shownEntitlementNames(view.wrapper)).toEqual(["Seats", "Single sign-on"]);
  });

  it("all three combined, and a message when nothing matches", async () => {
    const { view } = await renderEntitlements();
    await view.wrapper
      .find(Select, { label: "Subscription" })!
      .trigger("onChange", { target: { value: SEATS.subscriptionId } });
    await view.wrapper.find(Select, { label: "Type" })!.trigger("onChange", { target: { value: "boolean" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual(["Single sign-on"]);
    await view.wrapper.find(TextField)!.trigger("onChange", { target: { value: "SIGN" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual(["Single sign-on"]);
    await view.wrapper.find(TextField)!.trigger("onChange", { target: { value: "seat" } });
    expect(shownEntitlementNames(view.wrapper)).toEqual([]);
    expect(view.wrapper).toContainText("No entitlements match these filters");
    expect(view.wrapper).not.toContainText("No active entitlements");
  });

  it("filters in the view only: no request is made", async () => {
    const { host, view } = await renderEntitlements();
    await view.settled();
    await view.wrapper.find(TextField)!.trigger("onChange", { target: { value: "api" } });
    await view.wrapper.find(Select, { label: "Type" })!.trigger("onChange", { target: { value: "metered" } });
    await view.settled();
    expect(host.requests).toHaveLength(1);
  });
});

describe("Entitlements tab: refresh", () => {
  it("reads the source again with fresh: true and shows the new list and time", async () => {
    const { host, view } = await renderEntitlements();
    // Only a read that bypasses the caches sees the source's newer state.
    host.on("getEntitlements", (input) =>
      input.fresh
        ? { fetchedAt: "2026-11-24T15:30:00.000Z", entitlements: [metered({ currentUsage: 900 }), flag()], failures: [] }
        : fullList(),
    );

    const before = host.requests.length;
    await refreshButton(view.wrapper).trigger("onPress");
    await view.untilText("Last refresh on Nov 24, 2026 3:30 PM");
    // The whole drawer, fresh, in one request: header, subscriptions and entitlements.
    const refresh = host.requests.slice(before);
    expect(refresh).toHaveLength(1);
    expect(refresh[0]!.calls).toEqual(
      expect.arrayContaining([
        { procedure: "getEntitlements", input: { stripeCustomerId: CUSTOMER_ID, fresh: true } },
        { procedure: "getCustomer", input: { stripeCustomerId: CUSTOMER_ID, fresh: true } },
        { procedure: "listSubscriptions", input: { stripeCustomerId: CUSTOMER_ID, fresh: true } },
      ]),
    );
    expect(refresh[0]!.calls).toHaveLength(3);
    expect(shownEntitlementNames(view.wrapper)).toEqual(["Active users", "Advanced analytics"]);
    expect(row(view, "Active users")).toContainText("900 / 1,000 active users per month");
    expect(meterLevel(row(view, "Active users"))).toBe("warning");
  });

  it("shows that it is working while it reads, and a double press is one refresh", async () => {
    const { host, view } = await renderEntitlements();
    await view.settled();
    const before = host.requests.length;
    host.hold();
    const press = refreshButton(view.wrapper);
    await Promise.all([press.trigger("onPress"), press.trigger("onPress")]);
    await view.untilText("Refreshing…");
    host.resume();
    await view.until(() => !view.wrapper.text.includes("Refreshing…"), "the refresh to end");
    await view.settled();
    expect(host.requests.length - before).toBe(1);
  });

  it("keeps the list and shows the correlation id when refreshing fails", async () => {
    const { host, view } = await renderEntitlements();
    host.on("getEntitlements", () => {
      throw internalError();
    });
    await refreshButton(view.wrapper).trigger("onPress");
    await view.untilText("Refresh failed.");
    expect(view.wrapper).toContainText(`Refresh failed. Correlation ID: ${host.requests.at(-1)!.correlationId}`);
    expect(shownEntitlementNames(view.wrapper)).toHaveLength(fullList().entitlements.length);
  });
});
