import { describe, expect, it, vi } from "vitest";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, callBatch, signedHeaders } from "../support/signedApi";

/*
 * The drawer's refresh: every read it makes (header, subscriptions, entitlements, an open
 * usage graph) takes `fresh`, and one refresh batch reads the customer's record once,
 * through the request path's cache, however many of its calls need it.
 */
useAppWithFreshDatabase();

const input = { stripeCustomerId: "cus_DemoFull" };

async function statementsDuring(run: () => Promise<unknown>): Promise<number> {
  const { getStore } = await import("@/server/db/client");
  const spy = vi.spyOn((await getStore()).sql, "rows");
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

/**
 * The request path keeps reads only while the store's changes are heard; on PostgreSQL the
 * listener connects in the background, later than the first request on a busy machine.
 */
async function untilChangesHeard() {
  const { getStore } = await import("@/server/db/client");
  const { changes } = await getStore();
  expect(await eventually(async () => changes.generation() !== null), "the store's changes are heard").toBe(true);
}

/** Polls until `check` holds, within a ceiling far above what an idle machine needs. */
async function eventually(check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const batch = (fresh?: true) =>
  callBatch(
    [
      { procedure: "getCustomer", input: { ...input, fresh } },
      { procedure: "listSubscriptions", input: { ...input, fresh } },
      { procedure: "getEntitlements", input: { ...input, fresh } },
    ],
    signedHeaders(LINKED_ACCOUNT),
  );

describe(`the drawer's refresh (${backend})`, () => {
  it("reads the header, subscriptions and entitlements through the cache, the customer's record once", async () => {
    await untilChangesHeard();
    expect((await batch()).status).toBe(200);
    // Kept: the same paint again reads nothing (once a change the store may still be
    // announcing, such as its own seed's, has been heard).
    expect(await eventually(async () => (await statementsDuring(batch)) === 0)).toBe(true);
    // Refreshed: one read of the record serves the batch's three calls.
    expect(await statementsDuring(() => batch(true))).toBe(1);
  });

  it("takes fresh on getCustomer, listSubscriptions and getUsageSeries (a boolean, nothing else)", async () => {
    for (const [procedure, extra] of [
      ["getCustomer", {}],
      ["listSubscriptions", {}],
      ["getUsageSeries", { featureId: "feature-api-calls" }],
    ] as const) {
      expect((await call(procedure, { ...input, ...extra, fresh: true }, LINKED_ACCOUNT)).res.status).toBe(200);
      expect((await call(procedure, { ...input, ...extra, fresh: "yes" }, LINKED_ACCOUNT)).res.status).toBe(400);
    }
  });
});
