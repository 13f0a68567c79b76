import { beforeAll, describe, expect, it } from "vitest";
import type { CustomerResult, DisconnectResult, LinksResult } from "@/contract";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, data, errorOf, mutate } from "../support/signedApi";

useAppWithFreshDatabase();

// Two accounts: A linked in both modes (to two workspaces, tokens sealed), B in test mode
// only; the seeded demo account stays as it is.
const A = "acct_SettingsA";
const B = "acct_SettingsB";

beforeAll(async () => {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  await db.workspace.create({
    data: {
      id: "ws_a_test",
      sourceKind: "sandbox",
      displayName: "A test workspace",
      stiggAppBaseUrl: "https://app.stigg.io",
      links: { create: [{ stripeAccountId: A, livemode: false, scope: "stripe_apps", refreshTokenSealed: "sealed-a-test" }] },
    },
  });
  await db.workspace.create({
    data: {
      id: "ws_a_live",
      sourceKind: "stigg",
      displayName: "A live workspace",
      stiggAppBaseUrl: "https://app.stigg.io",
      stiggApiUrl: "http://127.0.0.1:9/graphql",
      links: {
        create: [
          { stripeAccountId: A, livemode: true, scope: "stripe_apps", refreshTokenSealed: "sealed-a-live" },
          { stripeAccountId: B, livemode: false, sandbox: true, scope: "stripe_apps", refreshTokenSealed: "sealed-b-test" },
        ],
      },
    },
  });
});

const links = async (account: string) => data((await call<LinksResult>("getLinks", {}, account)).body);

describe(`settings: getLinks and disconnect (${backend})`, () => {
  it("getLinks lists the verified account's own links only, live first, with workspace name and kind", async () => {
    const a = await links(A);
    expect(a.links.map((l) => [l.mode, l.workspaceName, l.workspaceKind])).toEqual([
      ["live", "A live workspace", "stigg"],
      ["test", "A test workspace", "sandbox"],
    ]);
    for (const l of a.links) expect(Date.parse(l.linkedSince)).not.toBeNaN();
    expect(new URL(a.connectUrl).searchParams.get("account")).toBe(A);
    expect(a.stripeBillingConnectUrl).toBe(`${a.connectUrl}&kind=stripe_billing`);
    // Sandbox mode holds a Stripe key for test mode only: live is not offered.
    expect(a.connectableModes).toEqual(["test"]);
    expect(a.links.map((l) => l.stripeSandbox)).toEqual([false, false]);
    // B is a Stripe sandbox: the host says so from its own record of the install.
    const b = await links(B);
    expect(b.links.map((l) => [l.mode, l.workspaceName, l.stripeSandbox])).toEqual([["test", "A live workspace", true]]);
    expect((await links("acct_NeverLinked")).links).toEqual([]);
  });

  it("takes no stripeCustomerId: an unknown field is a BAD_REQUEST", async () => {
    const { res } = await call("getLinks", { stripeCustomerId: "cus_DemoFull" }, A);
    expect(res.status).toBe(400);
  });

  it("the last successful read is set by a signed source read of that link, per mode", async () => {
    const before = await links(LINKED_ACCOUNT);
    expect(before.links).toHaveLength(1);
    expect(before.links[0]!.lastSuccessfulRead).toBeNull();
    const t0 = Date.now();
    const read = data((await call<CustomerResult>("getCustomer", { stripeCustomerId: "cus_DemoFull" }, LINKED_ACCOUNT)).body);
    expect(read.linked).toBe(true);
    const after = await links(LINKED_ACCOUNT);
    expect(Date.parse(after.links[0]!.lastSuccessfulRead!)).toBeGreaterThanOrEqual(t0 - 1000);
    // A's test-mode read leaves A's live-mode link without one.
    await call("getCustomer", { stripeCustomerId: "cus_DemoFull" }, A, { "Stripe-Mode": "test" });
    const a = await links(A);
    expect(a.links.find((l) => l.mode === "test")!.lastSuccessfulRead).not.toBeNull();
    expect(a.links.find((l) => l.mode === "live")!.lastSuccessfulRead).toBeNull();
  });

  it("a failed read is no successful read", async () => {
    // A's live link points at a Stigg API nobody answers.
    await call("getCustomer", { stripeCustomerId: "cus_DemoFull" }, A, { "Stripe-Mode": "live" });
    expect((await links(A)).links.find((l) => l.mode === "live")!.lastSuccessfulRead).toBeNull();
  });

  it("disconnect removes only the account's own link of that mode, with its sealed token", async () => {
    const { getDb } = await import("@/server/db/client");
    const db = await getDb();
    // B has no live-mode link, so it cannot remove A's, which shares the workspace.
    const denied = await mutate("disconnect", { mode: "live" }, B);
    expect(denied.res.status).toBe(404);
    expect(errorOf(denied.body).data.code).toBe("NOT_FOUND");
    expect(await db.stripeAccountLink.count({ where: { stripeAccountId: A } })).toBe(2);

    const done = await mutate<DisconnectResult>("disconnect", { mode: "live" }, A);
    expect(data(done.body)).toEqual({ mode: "live", disconnected: true });
    const left = await db.stripeAccountLink.findMany({ where: { stripeAccountId: { in: [A, B] } }, orderBy: { stripeAccountId: "asc" } });
    expect(left.map((l) => [l.stripeAccountId, l.livemode, l.refreshTokenSealed])).toEqual([
      [A, false, "sealed-a-test"],
      [B, false, "sealed-b-test"],
    ]);
    // The workspace and everything in it stay: only the link record went.
    expect(await db.workspace.count({ where: { id: "ws_a_live" } })).toBe(1);
    expect((await links(A)).links.map((l) => l.mode)).toEqual(["test"]);

    const again = await mutate("disconnect", { mode: "live" }, A);
    expect(again.res.status).toBe(404);
  });

  it("after disconnecting, that mode's drawer is the Gate", async () => {
    await mutate("disconnect", { mode: "test" }, A);
    const result = data((await call<CustomerResult>("getCustomer", { stripeCustomerId: "cus_DemoFull" }, A, { "Stripe-Mode": "test" })).body);
    expect(result.linked).toBe(false);
  });

  it("disconnect refuses a bad mode and an unsigned request", async () => {
    expect((await mutate("disconnect", { mode: "prod" }, B)).res.status).toBe(400);
    expect((await mutate("disconnect", {}, B)).res.status).toBe(400);
    const { handleApiRequest } = await import("@/server/api/handler");
    const res = await handleApiRequest(
      new Request("http://localhost/api/trpc/disconnect?batch=1", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Stripe-Account-Id": B },
        body: JSON.stringify({ 0: { mode: "test" } }),
      }),
    );
    expect(res.status).toBe(401);
    expect(await links(B)).toMatchObject({ links: [{ mode: "test" }] });
  });

  it("an oversized POST body is refused before it is parsed, with the correlation id, and nothing removed", async () => {
    const { MAX_API_BODY_BYTES } = await import("@/server/api/handler");
    const padding = "x".repeat(MAX_API_BODY_BYTES);
    const res = await mutate("disconnect", { mode: "test", padding }, B);
    expect(res.res.status).toBe(413);
    expect(res.res.headers.get("X-Correlation-Id")).toBeTruthy();
    expect((await links(B)).links).toHaveLength(1);
  });
});
