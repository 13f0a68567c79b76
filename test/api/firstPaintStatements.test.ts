import { afterAll, describe, expect, it, vi } from "vitest";
import type { EntitlementList } from "@/contract";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { callBatch, signedHeaders, type Call } from "../support/signedApi";

/*
 * Counts the SQL statements the app sends to the store, at both ways in (whichever store
 * the run uses): the ORM's driver adapter and the request path's direct reader (sql.ts),
 * so that a query per feature, subscription or credit grant (N+1) cannot come back unnoticed.
 */
const sql = vi.hoisted(() => ({ counting: false, statements: [] as string[] }));
vi.mock("@prisma/adapter-pg", async (importOriginal) => {
  const real = await importOriginal<typeof import("@prisma/adapter-pg")>();
  class CountingPrismaPg extends real.PrismaPg {
    override async connect() {
      return counted(await super.connect());
    }
  }
  return { ...real, PrismaPg: CountingPrismaPg };
});
vi.mock("pglite-prisma-adapter", async (importOriginal) => {
  const real = await importOriginal<typeof import("pglite-prisma-adapter")>();
  class CountingPrismaPGlite extends real.PrismaPGlite {
    override async connect() {
      return counted(await super.connect());
    }
  }
  return { ...real, PrismaPGlite: CountingPrismaPGlite };
});
vi.mock("@/server/db/sql", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/db/sql")>();
  const countedReader = (reader: import("@/server/db/sql").SqlReader): import("@/server/db/sql").SqlReader => ({
    generation: () => reader.generation(),
    rows(statement) {
      if (sql.counting) sql.statements.push(statement.text);
      return reader.rows(statement);
    },
  });
  return {
    ...real,
    postgresReader: (...args: Parameters<typeof real.postgresReader>) => countedReader(real.postgresReader(...args)),
    pgliteReader: async (...args: Parameters<typeof real.pgliteReader>) => countedReader(await real.pgliteReader(...args)),
  };
});
function counted<A extends { queryRaw(q: { sql: string }): unknown; executeRaw(q: { sql: string }): unknown }>(adapter: A): A {
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const real = adapter[method].bind(adapter) as (q: { sql: string }) => never;
    adapter[method] = ((q: { sql: string }) => {
      if (sql.counting) sql.statements.push(q.sql);
      return real(q);
    }) as A[typeof method];
  }
  return adapter;
}

// The statements a request needs, not how often a cache spares them (readCache.test.ts).
process.env.READ_CACHE_MS = "0";
afterAll(() => void delete process.env.READ_CACHE_MS);
useAppWithFreshDatabase();

const FULL = "cus_DemoFull";
const input = { stripeCustomerId: FULL };
const FIRST_PAINT: Call[] = [
  { procedure: "getCustomer", input },
  { procedure: "listSubscriptions", input },
  { procedure: "getEntitlements", input },
];

async function statementsOf(calls: Call[]): Promise<{ statements: string[]; body: unknown[] }> {
  sql.statements = [];
  sql.counting = true;
  try {
    const res = await callBatch(calls, signedHeaders(LINKED_ACCOUNT));
    expect(res.status).toBe(200);
    return { statements: [...sql.statements], body: (await res.json()) as unknown[] };
  } finally {
    sql.counting = false;
  }
}

/** More of everything for cus_DemoFull: metered features, an entitling subscription, credit grants. */
async function growCustomer(): Promise<string[]> {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const customer = await db.customer.findFirstOrThrow({ where: { billingId: FULL } });
  const plan = await db.plan.findFirstOrThrow({ where: { workspaceId: customer.workspaceId } });
  const featureIds = ["grow-meter-a", "grow-meter-b", "grow-meter-c", "grow-flag"];
  for (const id of featureIds) {
    await db.feature.create({
      data: {
        id,
        workspaceId: customer.workspaceId,
        name: `Grown ${id}`,
        kind: id === "grow-flag" ? "boolean" : "metered",
        meterKind: id === "grow-meter-c" ? "usage" : id === "grow-flag" ? null : "events",
      },
    });
  }
  const now = new Date();
  for (const n of [1, 2]) {
    const sub = await db.subscription.create({
      data: {
        id: `grow-sub-${n}`,
        customerId: customer.id,
        planId: plan.id,
        status: "ACTIVE",
        startDate: new Date(now.getTime() - n * 864e5 * 40),
        createdAt: now,
        updatedAt: now,
      },
    });
    for (const featureId of featureIds) {
      await db.entitlementGrant.create({
        data: { id: `grow-${n}-${featureId}`, subscriptionId: sub.id, featureId, usageLimit: 100, enabled: true, resetPeriod: "month" },
      });
    }
    await db.usageRecord.createMany({
      data: featureIds.slice(0, 3).map((featureId) => ({ customerId: customer.id, featureId, timestamp: new Date(now.getTime() - 3_600_000), value: 5 })),
    });
  }
  await db.creditType.create({ data: { id: "grow-credits", workspaceId: customer.workspaceId, name: "Grown credits", unit: "credits" } });
  for (const n of [1, 2, 3]) {
    await db.creditGrant.create({
      data: {
        id: `grow-credit-${n}`,
        customerId: customer.id,
        creditTypeId: "grow-credits",
        subscriptionId: n === 3 ? null : `grow-sub-${n}`,
        amount: 100,
        consumed: 10,
        grantedAt: now,
      },
    });
  }
  return [...featureIds, "grow-credits"];
}

describe(`SQL statements per request (${backend})`, () => {
  it("a first paint takes a fixed number of statements, whatever the customer holds", async () => {
    const before = await statementsOf(FIRST_PAINT);
    // Link; the customer's record (once for the batch's three calls: the customer, its
    // subscriptions, their grants with their usage, the credits).
    expect(before.statements.length, before.statements.join("\n---\n")).toBeLessThanOrEqual(2);
    // Both ways in are counted: a first paint reads something.
    expect(before.statements.length).toBeGreaterThan(0);

    const grown = await growCustomer();
    const after = await statementsOf(FIRST_PAINT);
    const entitlements = (after.body[2] as { result: { data: EntitlementList } }).result.data.entitlements;
    // The new features, subscriptions and credits were read...
    expect(entitlements.map((e) => e.id)).toEqual(expect.arrayContaining(grown));
    expect(entitlements.find((e) => e.id === "grow-meter-a")).toMatchObject({ currentUsage: 10, usageLimit: 200 });
    expect(entitlements.find((e) => e.id === "grow-credits")).toMatchObject({ totalGranted: 300, totalConsumed: 30 });
    // ...in the same number of statements.
    expect(after.statements.length, after.statements.join("\n---\n")).toBe(before.statements.length);
  });

  it("getEntitlements reads features, usage and credits with no statement beyond the customer lookup", async () => {
    const lookup = await statementsOf([{ procedure: "getCustomer", input }]);
    const entitlements = await statementsOf([{ procedure: "getEntitlements", input }]);
    expect(entitlements.statements.length - lookup.statements.length, entitlements.statements.join("\n---\n")).toBe(0);
  });
});
