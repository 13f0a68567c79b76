import { beforeAll, describe, expect, it } from "vitest";
import type { CustomerResult } from "@/contract";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, data, errorOf } from "../support/signedApi";

useAppWithFreshDatabase();

// One account linked in both modes, each mode to a workspace of its own whose customer
// under the same Stripe id has a different name; and another account linked in live mode only.
const BOTH_MODES = "acct_BothModes";
const LIVE_ONLY = "acct_LiveOnly";
const CUSTOMER = "cus_ModeHinted";

beforeAll(async () => {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const ts = new Date();
  const workspaceOf = (id: string, name: string, customerName: string, links: { stripeAccountId: string; livemode: boolean }[]) =>
    db.workspace.create({
      data: {
        id,
        sourceKind: "sandbox",
        displayName: name,
        stiggAppBaseUrl: "https://app.stigg.io",
        links: { create: links.map((l) => ({ ...l, scope: "stripe_apps" })) },
        customers: { create: { id: `${id}-customer`, billingId: CUSTOMER, name: customerName, email: null, createdAt: ts, updatedAt: ts } },
      },
    });
  await workspaceOf("ws_test_side", "Test-mode workspace", "Test-side Co", [{ stripeAccountId: BOTH_MODES, livemode: false }]);
  await workspaceOf("ws_live_side", "Live-mode workspace", "Live-side Co", [
    { stripeAccountId: BOTH_MODES, livemode: true },
    { stripeAccountId: LIVE_ONLY, livemode: true },
  ]);
});

const customerAs = async (account: string, headers: Record<string, string> = {}) =>
  data((await call<CustomerResult>("getCustomer", { stripeCustomerId: CUSTOMER }, account, headers)).body);

describe(`the Dashboard's mode picks among the verified account's own links (${backend})`, () => {
  it("Stripe-Mode: test reads the test-mode link's workspace, live the live-mode one", async () => {
    const test = await customerAs(BOTH_MODES, { "Stripe-Mode": "test" });
    const live = await customerAs(BOTH_MODES, { "Stripe-Mode": "live" });
    expect(test.linked && [test.workspaceName, test.customer.name]).toEqual(["Test-mode workspace", "Test-side Co"]);
    expect(live.linked && [live.workspaceName, live.customer.name]).toEqual(["Live-mode workspace", "Live-side Co"]);
  });

  it("without the hint, the live-mode link wins as before", async () => {
    const none = await customerAs(BOTH_MODES);
    expect(none.linked && none.workspaceName).toBe("Live-mode workspace");
  });

  it("a mode the account has no link in is the Gate, never another account's link", async () => {
    const result = await customerAs(LIVE_ONLY, { "Stripe-Mode": "test" });
    expect(result.linked).toBe(false);
    expect(!result.linked && new URL(result.connectUrl).searchParams.get("account")).toBe(LIVE_ONLY);
  });

  it("a hint that is neither test nor live is a BAD_REQUEST with the correlation id", async () => {
    const { res, body } = await call("getCustomer", { stripeCustomerId: CUSTOMER }, BOTH_MODES, { "Stripe-Mode": "prod" });
    expect(res.status).toBe(400);
    const error = errorOf(body);
    expect(error.message).toContain("Stripe-Mode");
    expect(error.data.correlationId).toBe(res.headers.get("X-Correlation-Id"));
  });

  it("the hint is no credential: unsigned, it reads nothing", async () => {
    const { handleApiRequest } = await import("@/server/api/handler");
    const input = encodeURIComponent(JSON.stringify({ 0: { stripeCustomerId: CUSTOMER } }));
    const res = await handleApiRequest(
      new Request(`http://localhost/api/trpc/getCustomer?batch=1&input=${input}`, {
        headers: { "Stripe-Mode": "live", "Stripe-Account-Id": BOTH_MODES },
      }),
    );
    expect(res.status).toBe(401);
  });

  it("CORS lets the extension send the header", async () => {
    const { handleApiRequest } = await import("@/server/api/handler");
    const res = await handleApiRequest(new Request("http://localhost/api/trpc/getCustomer", { method: "OPTIONS" }));
    expect(res.headers.get("Access-Control-Allow-Headers")?.split(/,\s*/)).toContain("Stripe-Mode");
  });
});
