import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CustomerResult, EntitlementList } from "@/contract";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, data } from "../support/signedApi";

/*
 * The request path's caches at their defaults: a repeated first paint reads nothing again,
 * and no cached read outlives a change to the rows behind it, whoever makes the change.
 */
useAppWithFreshDatabase();

const FULL = "cus_DemoFull";
const input = { stripeCustomerId: FULL };

async function store() {
  const { getStore } = await import("@/server/db/client");
  return getStore();
}

/** Statements the request path sends while `run` runs. */
async function statementsDuring(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn((await store()).sql, "rows");
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

const firstPaint = () =>
  Promise.all([call("getCustomer", input, LINKED_ACCOUNT), call("listSubscriptions", input, LINKED_ACCOUNT), call("getEntitlements", input, LINKED_ACCOUNT)]);

const customerName = async () => {
  const result = data<CustomerResult>((await call<CustomerResult>("getCustomer", input, LINKED_ACCOUNT)).body);
  return result.linked ? result.customer.name : null;
};

/** Another connection's write, as another host instance, a script or plain SQL would make it (not through the app's own writes). */
async function writeElsewhere(statement: string): Promise<void> {
  const s = await store();
  const url = process.env.DATABASE_URL;
  if (!url) return void (await s.db.$executeRawUnsafe(statement));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Polls until `check` holds; the notification of another connection's commit takes a moment to arrive. */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterEach(() => vi.restoreAllMocks());

describe(`the request path's caches (${backend})`, () => {
  it("answer a repeated first paint without a statement", async () => {
    expect(await statementsDuring(firstPaint)).toBeGreaterThan(0);
    // The seed's last notifications may still be on their way: a few paints at most.
    expect(await eventually(async () => (await statementsDuring(firstPaint)) === 0)).toBe(true);
  });

  it("drop a customer's record when another connection renames the customer", async () => {
    const before = await customerName();
    expect(before).not.toBeNull();
    await writeElsewhere(`UPDATE customer SET name = 'Renamed elsewhere' WHERE billing_id = '${FULL}'`);
    expect(await eventually(async () => (await customerName()) === "Renamed elsewhere")).toBe(true);
  });

  it("drop the link when another connection removes it, and the new link when it comes back", async () => {
    await firstPaint();
    await writeElsewhere(`CREATE TABLE link_backup AS SELECT * FROM stripe_account_link WHERE stripe_account_id = '${LINKED_ACCOUNT}'`);
    await writeElsewhere(`DELETE FROM stripe_account_link WHERE stripe_account_id = '${LINKED_ACCOUNT}'`);
    const gate = async () => data<CustomerResult>((await call<CustomerResult>("getCustomer", input, LINKED_ACCOUNT)).body).linked === false;
    expect(await eventually(gate)).toBe(true);
    await writeElsewhere(`INSERT INTO stripe_account_link SELECT * FROM link_backup`);
    expect(await eventually(async () => !(await gate()))).toBe(true);
  });

  it("drop usage totals when usage is recorded", async () => {
    const usageOf = async () => {
      const list = data<EntitlementList>((await call<EntitlementList>("getEntitlements", input, LINKED_ACCOUNT)).body);
      const metered = list.entitlements.find((e) => e.kind === "metered" && e.meterKind === "events");
      return metered?.kind === "metered" ? { id: metered.id, usage: metered.currentUsage } : null;
    };
    const before = await usageOf();
    expect(before).not.toBeNull();
    await writeElsewhere(
      `INSERT INTO usage_record (customer_id, feature_id, "timestamp", value)
       SELECT id, '${before!.id}', (now() AT TIME ZONE 'utc') - interval '1 minute', 7 FROM customer WHERE billing_id = '${FULL}'`,
    );
    expect(await eventually(async () => (await usageOf())?.usage === before!.usage + 7)).toBe(true);
  });

  it("are read through by the drawer's refresh", async () => {
    await firstPaint();
    const refresh = () => call("getEntitlements", { ...input, fresh: true }, LINKED_ACCOUNT);
    // The customer's record, usage included, read again.
    expect(await statementsDuring(refresh)).toBe(1);
  });

  // PGlite hears its changes in its own process; only PostgreSQL's listener can be lost.
  if (backend === "postgresql") it("are bypassed while the store's changes cannot be heard, and used again once they can", async () => {
    const { CHANGE_FEED_APPLICATION_NAME } = await import("@/server/db/changeFeed");
    // The listener's reconnection waits here, so "cannot be heard" lasts as long as the
    // test needs, however slowly a busy machine runs it.
    let reopen!: () => void;
    const reopened = new Promise<void>((resolve) => (reopen = resolve));
    const connect = pg.Client.prototype.connect;
    vi.spyOn(pg.Client.prototype, "connect").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const name = (this as unknown as { connectionParameters: { application_name?: string } }).connectionParameters.application_name;
      const open = () => (connect as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      return name === CHANGE_FEED_APPLICATION_NAME ? reopened.then(open) : open();
    } as typeof connect);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await firstPaint();
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [CHANGE_FEED_APPLICATION_NAME],
      );
      expect(rows).toEqual([{ ended: true }]);
      // Once the listener is known to be gone, every paint reads the store...
      expect(await eventually(async () => (await statementsDuring(firstPaint)) > 0, 15_000)).toBe(true);
      expect(await statementsDuring(firstPaint)).toBeGreaterThan(0);
      expect(await statementsDuring(firstPaint)).toBeGreaterThan(0);
      // ...until it listens again.
      reopen();
      expect(await eventually(async () => (await statementsDuring(firstPaint)) === 0, 15_000)).toBe(true);
    } finally {
      reopen();
      await admin.end();
    }
  });
});
