import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_WEBHOOK_SECRET } from "@/server/config";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";

useAppWithFreshDatabase();

const WORKSPACE = "ws_once_in_order";
const DAY_MS = 24 * 60 * 60 * 1000;
const nowSeconds = () => Math.floor(Date.now() / 1000);

const db = async () => (await import("@/server/db/client")).getDb();

beforeAll(async () => {
  await (await db()).workspace.create({
    data: { id: WORKSPACE, sourceKind: "sandbox", displayName: "Once in order", stiggAppBaseUrl: "https://app.stigg.io" },
  });
});
afterEach(() => vi.restoreAllMocks());

/** A link of a fresh account (test mode), granted at `grantedAt`. */
async function linkedAccount(grantedAt: Date): Promise<string> {
  const account = `acct_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await (await db()).stripeAccountLink.create({
    data: { stripeAccountId: account, livemode: false, workspaceId: WORKSPACE, scope: "stripe_apps", refreshTokenSealed: "sealed", grantedAt },
  });
  return account;
}

const isLinked = async (account: string) =>
  (await (await db()).stripeAccountLink.count({ where: { stripeAccountId: account, livemode: false } })) === 1;

function deauthorization(account: string, created = nowSeconds(), id = `evt_${randomUUID().replaceAll("-", "")}`): string {
  return JSON.stringify({
    id,
    object: "event",
    api_version: "2025-01-27.acacia",
    created,
    type: "account.application.deauthorized",
    livemode: false,
    account,
    data: { object: { id: "ca_App", object: "application", name: "Stigg" } },
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  });
}

/**
 * Delivers `body` as Stripe does: `Stripe-Signature: t=…,v1=…`, the HMAC-SHA256 of
 * "<t>.<bytes>" with the endpoint's secret, over exactly `signed` (the body by default).
 */
async function deliver(body: string | Buffer, options: { signed?: string | Buffer; timestamp?: number } = {}) {
  const { POST } = await import("@/app/api/stripe/webhook/route");
  const t = options.timestamp ?? nowSeconds();
  const v1 = createHmac("sha256", DEMO_WEBHOOK_SECRET).update(`${t}.`).update(Buffer.from(options.signed ?? body)).digest("hex");
  const res = await POST(
    new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      headers: { "Stripe-Signature": `t=${t},v1=${v1}` },
      body: new Uint8Array(Buffer.from(body)),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The webhook's log lines while `act` runs (the app's own logger, writing to the test). */
async function logged<T>(act: () => Promise<T>): Promise<{ result: T; lines: string }> {
  const { createLogger, logger } = await import("@/server/log/logger");
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const child = createLogger("info", sink);
  vi.spyOn(logger(), "child").mockImplementation(() => child as never);
  const result = await act();
  return { result, lines: lines.join("") };
}

describe(`the uninstall webhook applies each event once, in order (${backend})`, () => {
  it("a replay of an applied event is acknowledged (200) and changes nothing, even where the event would apply", async () => {
    const account = await linkedAccount(new Date(Date.now() - 60_000));
    const event = deauthorization(account);
    expect(await deliver(event)).toMatchObject({ status: 200, body: { removedLinks: 1 } });
    expect(await isLinked(account)).toBe(false);
    // A link granted before the event: only the record of the event keeps it.
    await (await db()).stripeAccountLink.create({
      data: { stripeAccountId: account, livemode: false, workspaceId: WORKSPACE, scope: "stripe_apps", grantedAt: new Date(Date.now() - 60_000) },
    });
    expect(await deliver(event)).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
    expect(await isLinked(account)).toBe(true);
  });

  it.each([
    ["an hour", 3600],
    ["a day", 24 * 3600],
  ])("a deauthorization created %s before the link's grant is ignored with 200 and a log line", async (_name, seconds) => {
    const account = await linkedAccount(new Date());
    const created = nowSeconds() - seconds;
    const { result, lines } = await logged(() => deliver(deauthorization(account, created)));
    expect(result).toMatchObject({ status: 200, body: { received: true, removedLinks: 0, ignored: "older_than_grant" } });
    expect(await isLinked(account)).toBe(true);
    expect(lines).toContain('"event":"webhook.deauthorization_older_than_grant"');
    expect(lines).toContain(account);
  });

  it("a deauthorization created in the second of the grant, or after it, removes the link", async () => {
    const grantedAt = new Date();
    const sameSecond = await linkedAccount(grantedAt);
    expect(await deliver(deauthorization(sameSecond, Math.floor(grantedAt.getTime() / 1000)))).toMatchObject({ status: 200, body: { removedLinks: 1 } });
    const later = await linkedAccount(new Date(Date.now() - 3_600_000));
    expect(await deliver(deauthorization(later, nowSeconds() - 60))).toMatchObject({ status: 200, body: { removedLinks: 1 } });
    expect(await isLinked(sameSecond)).toBe(false);
    expect(await isLinked(later)).toBe(false);
  });

  it("an uninstall, a reinstall, then the uninstall delivered again (Stripe's retry): the reinstall stays", async () => {
    const account = await linkedAccount(new Date(Date.now() - DAY_MS));
    const uninstall = deauthorization(account, nowSeconds() - 5);
    expect((await deliver(uninstall)).body).toMatchObject({ removedLinks: 1 });
    const { linkAccount } = await import("@/server/oauth/linkAccount");
    await linkAccount(
      await db(),
      { stripeAccountId: account, livemode: false, workspaceId: WORKSPACE, scope: "stripe_apps", refreshToken: "rt_again" },
      [{ id: "k1", key: randomBytes(32) }],
    );
    expect(await deliver(uninstall)).toMatchObject({ status: 200 });
    // The same uninstall under another event id (an earlier event of the same removal).
    expect(await deliver(deauthorization(account, nowSeconds() - 5))).toMatchObject({ status: 200, body: { removedLinks: 0 } });
    expect(await isLinked(account)).toBe(true);
  });

  it("an event the store could not apply (503) is not recorded: Stripe's next delivery applies it", async () => {
    const account = await linkedAccount(new Date(Date.now() - 60_000));
    const event = deauthorization(account);
    const store = await db();
    await store.$executeRawUnsafe(`ALTER TABLE stripe_account_link RENAME TO stripe_account_link_moved`);
    let failed: Awaited<ReturnType<typeof deliver>>;
    try {
      failed = await deliver(event);
    } finally {
      await store.$executeRawUnsafe(`ALTER TABLE stripe_account_link_moved RENAME TO stripe_account_link`);
    }
    expect(failed.status).toBe(503);
    expect(await deliver(event)).toMatchObject({ status: 200, body: { removedLinks: 1 } });
  });

  it("processed event ids are kept for Stripe's retry window (3 days), and older ones pruned", async () => {
    const store = await db();
    const old = `evt_old_${randomUUID()}`;
    const recent = `evt_recent_${randomUUID()}`;
    await store.processedWebhookEvent.createMany({
      data: [
        { id: old, processedAt: new Date(Date.now() - 3 * DAY_MS - 60_000) },
        { id: recent, processedAt: new Date(Date.now() - 3 * DAY_MS + 3_600_000) },
      ],
    });
    await deliver(deauthorization(await linkedAccount(new Date(Date.now() - 60_000))));
    const kept = await store.processedWebhookEvent.findMany({ where: { id: { in: [old, recent] } }, select: { id: true } });
    expect(kept.map((e) => e.id)).toEqual([recent]);
  });
});

describe(`the uninstall webhook's signature (${backend})`, () => {
  it.each([
    ["an hour ahead", () => nowSeconds() + 3600],
    ["t=99999999999", () => 99999999999],
    ["301 s ahead", () => nowSeconds() + 301],
  ])("refuses a signature dated %s (400), removing nothing", async (_name, timestamp) => {
    const account = await linkedAccount(new Date(Date.now() - 60_000));
    expect(await deliver(deauthorization(account), { timestamp: timestamp() })).toMatchObject({ status: 400 });
    expect(await isLinked(account)).toBe(true);
  });

  it("accepts a signature up to the tolerance ahead (a clock 4 minutes behind Stripe's)", async () => {
    const account = await linkedAccount(new Date(Date.now() - 60_000));
    expect(await deliver(deauthorization(account), { timestamp: nowSeconds() + 240 })).toMatchObject({ status: 200, body: { removedLinks: 1 } });
  });

  it("verifies the bytes received: other bytes that decode to the same text do not verify", async () => {
    const account = await linkedAccount(new Date(Date.now() - 60_000));
    // Stripe signs valid UTF-8: U+FFFD is EF BF BD. A lone FF decodes, leniently, to U+FFFD too.
    const signed = Buffer.from(deauthorization(account).replace('"name":"Stigg"', '"name":"Stigg \uFFFD"'), "utf8");
    const altered = Buffer.from(signed.toString("latin1").replace("\u00ef\u00bf\u00bd", "\u00ff"), "latin1");
    expect(altered.equals(signed)).toBe(false);
    expect(new TextDecoder().decode(altered)).toBe(new TextDecoder().decode(signed));
    expect(await deliver(altered, { signed })).toMatchObject({ status: 400 });
    expect(await isLinked(account)).toBe(true);
    // The bytes Stripe signed verify, non-ASCII included.
    expect(await deliver(signed, { signed })).toMatchObject({ status: 200, body: { removedLinks: 1 } });
  });
});
