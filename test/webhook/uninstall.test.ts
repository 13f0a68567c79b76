import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SANDBOX_WEBHOOK_SECRET, DEMO_WEBHOOK_SECRET } from "@/server/config";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";

useAppWithFreshDatabase();

const ACCOUNT = "acct_Uninstalling";
const NEIGHBOUR = "acct_Neighbour";

beforeAll(async () => {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  await db.workspace.create({
    data: {
      id: "ws_uninstall",
      sourceKind: "sandbox",
      displayName: "Uninstall",
      stiggAppBaseUrl: "https://app.stigg.io",
      links: {
        create: [
          { stripeAccountId: ACCOUNT, livemode: false, scope: "stripe_apps", refreshTokenSealed: "sealed-test" },
          { stripeAccountId: ACCOUNT, livemode: true, scope: "stripe_apps", refreshTokenSealed: "sealed-live" },
          { stripeAccountId: NEIGHBOUR, livemode: true, scope: "stripe_apps", refreshTokenSealed: "sealed-neighbour" },
        ],
      },
    },
  });
});

function eventJson(type: string, fields: { account?: string; livemode: boolean }): string {
  return JSON.stringify({
    id: `evt_${Math.random().toString(36).slice(2)}`,
    object: "event",
    api_version: "2025-01-27.acacia",
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: fields.livemode,
    ...(fields.account ? { account: fields.account } : {}),
    data: { object: { id: "ca_App", object: "application", name: "Stigg" } },
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  });
}

async function deliver(payload: string, secret = DEMO_WEBHOOK_SECRET, signature?: string): Promise<Response> {
  const { POST } = await import("@/app/api/stripe/webhook/route");
  const header = signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "Stripe-Signature": header }, body: payload }));
}

async function links() {
  const { getDb } = await import("@/server/db/client");
  const rows = await (await getDb()).stripeAccountLink.findMany({
    where: { stripeAccountId: { in: [ACCOUNT, NEIGHBOUR] } },
    orderBy: [{ stripeAccountId: "asc" }, { livemode: "asc" }],
  });
  return rows.map((l) => [l.stripeAccountId, l.livemode, l.refreshTokenSealed]);
}

// Ordered as links() reads them: by account id, then test mode first.
const ALL = [
  [NEIGHBOUR, true, "sealed-neighbour"],
  [ACCOUNT, false, "sealed-test"],
  [ACCOUNT, true, "sealed-live"],
];

describe(`POST /api/stripe/webhook: uninstall (${backend})`, () => {
  it("a bad signature is a 400 with the correlation id, and nothing is removed", async () => {
    const payload = eventJson("account.application.deauthorized", { account: ACCOUNT, livemode: true });
    for (const res of [
      await deliver(payload, "whsec_someone_else"),
      await deliver(payload, undefined, "t=1,v1=deadbeef"),
      await deliver(payload, undefined, ""),
      // Signed, then altered: the signature covers the exact bytes.
      await deliver(payload.replace(ACCOUNT, NEIGHBOUR), undefined, Stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_WEBHOOK_SECRET })),
    ]) {
      expect(res.status).toBe(400);
      expect(res.headers.get("X-Correlation-Id")).toBeTruthy();
    }
    expect(await links()).toEqual(ALL);
  });

  it("an old signature is refused (300 s tolerance)", async () => {
    const payload = eventJson("account.application.deauthorized", { account: ACCOUNT, livemode: true });
    const old = Stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect((await deliver(payload, undefined, old)).status).toBe(400);
    expect(await links()).toEqual(ALL);
  });

  it("other events are acknowledged and change nothing", async () => {
    const res = await deliver(eventJson("customer.updated", { account: ACCOUNT, livemode: true }));
    expect(res.status).toBe(200);
    expect(await links()).toEqual(ALL);
  });

  it("a deauthorization without an account is refused", async () => {
    const res = await deliver(eventJson("account.application.deauthorized", { livemode: true }));
    expect(res.status).toBe(400);
    expect(await links()).toEqual(ALL);
  });

  it("an oversized body is refused with 413 before it is verified", async () => {
    const { MAX_WEBHOOK_BODY_BYTES } = await import("@/server/webhook/stripeWebhook");
    const res = await deliver(JSON.stringify({ padding: "x".repeat(MAX_WEBHOOK_BODY_BYTES) }));
    expect(res.status).toBe(413);
    expect(await links()).toEqual(ALL);
  });

  it("a store that fails leaves the event unacknowledged (503), so Stripe delivers it again", async () => {
    const { getDb } = await import("@/server/db/client");
    const db = await getDb();
    await db.$executeRawUnsafe(`ALTER TABLE stripe_account_link RENAME TO stripe_account_link_moved`);
    let res: Response;
    try {
      res = await deliver(eventJson("account.application.deauthorized", { account: ACCOUNT, livemode: true }));
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE stripe_account_link_moved RENAME TO stripe_account_link`);
    }
    expect(res.status).toBe(503);
    expect(JSON.stringify(await res.json())).not.toMatch(/stripe_account_link|prisma/i);
    expect(await links()).toEqual(ALL);
  });

  it("account.application.deauthorized removes that account's link of the event's mode, with its sealed token", async () => {
    const res = await deliver(eventJson("account.application.deauthorized", { account: ACCOUNT, livemode: true }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, removedLinks: 1 });
    expect(await links()).toEqual([
      [NEIGHBOUR, true, "sealed-neighbour"],
      [ACCOUNT, false, "sealed-test"],
    ]);
    const test = await deliver(eventJson("account.application.deauthorized", { account: ACCOUNT, livemode: false }));
    expect(test.status).toBe(200);
    expect(await links()).toEqual([[NEIGHBOUR, true, "sealed-neighbour"]]);
  });

  it("a repeated delivery (Stripe retries) is acknowledged and removes nothing more", async () => {
    const res = await deliver(eventJson("account.application.deauthorized", { account: ACCOUNT, livemode: true }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ removedLinks: 0 });
    expect(await links()).toEqual([[NEIGHBOUR, true, "sealed-neighbour"]]);
  });
});

describe(`POST /api/stripe/webhook: Stripe sandbox installs (${backend})`, () => {
  const SANDBOX = "acct_StripeSandboxUninstalling";
  const sandboxLinks = async () => {
    const { getDb } = await import("@/server/db/client");
    const rows = await (await getDb()).stripeAccountLink.findMany({ where: { stripeAccountId: SANDBOX } });
    return rows.map((l) => [l.livemode, l.sandbox]);
  };

  beforeAll(async () => {
    const { getDb } = await import("@/server/db/client");
    await (await getDb()).stripeAccountLink.create({
      data: { stripeAccountId: SANDBOX, livemode: false, sandbox: true, workspaceId: "ws_uninstall", scope: "stripe_apps", refreshTokenSealed: "sealed-sandbox" },
    });
  });

  it("the main endpoint's event never removes a Stripe sandbox's link; the managed sandbox endpoint's does, and only that", async () => {
    const payload = eventJson("account.application.deauthorized", { account: SANDBOX, livemode: false });
    const fromMain = await deliver(payload, DEMO_WEBHOOK_SECRET);
    expect(fromMain.status).toBe(200);
    expect(await fromMain.json()).toMatchObject({ removedLinks: 0 });
    expect(await sandboxLinks()).toEqual([[false, true]]);

    // The sandbox endpoint's event for a live/test account removes nothing either.
    const crossed = await deliver(eventJson("account.application.deauthorized", { account: NEIGHBOUR, livemode: true }), DEMO_SANDBOX_WEBHOOK_SECRET);
    expect(await crossed.json()).toMatchObject({ removedLinks: 0 });
    expect(await links()).toEqual([[NEIGHBOUR, true, "sealed-neighbour"]]);

    // Each endpoint's event is an event of its own (its own id).
    const fromSandbox = await deliver(eventJson("account.application.deauthorized", { account: SANDBOX, livemode: false }), DEMO_SANDBOX_WEBHOOK_SECRET);
    expect(fromSandbox.status).toBe(200);
    expect(await fromSandbox.json()).toMatchObject({ removedLinks: 1 });
    expect(await sandboxLinks()).toEqual([]);
  });
});
