import { describe, expect, it } from "vitest";
import { customers } from "../../prisma/seed/demoData";
import { subscriptionRow } from "../../prisma/seed/seed";

// The demo data reads true: every subscription's dates follow one another as they would
// in Stigg, whatever moment it is seeded at.
const now = new Date("2026-12-04T12:00:00.000Z");
const rows = customers.flatMap((c) => c.subscriptions.map((s) => ({ seed: s, row: subscriptionRow(s, c.id, now) })));

describe("the demo subscriptions' dates", () => {
  it.each(rows.map((r) => [r.seed.id, r] as const))("%s: created, started, ended and updated in order", (_id, { seed, row }) => {
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(row.startDate.getTime());
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
    expect(row.updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    if (row.trialEndsAt) {
      expect(row.trialEndsAt.getTime()).toBeGreaterThan(row.startDate.getTime());
      // A trial still running ends later; one that ended was last changed when it did.
      if (seed.status === "IN_TRIAL") expect(row.trialEndsAt.getTime()).toBeGreaterThan(now.getTime());
      else expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.trialEndsAt.getTime());
    }
    if (seed.status === "IN_TRIAL") expect(row.trialEndsAt).not.toBeNull();
    if (row.canceledAt) expect(row.canceledAt.getTime()).toBeGreaterThanOrEqual(row.startDate.getTime());
  });
});
