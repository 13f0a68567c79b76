import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CustomerResult, EntitlementList, SubscriptionList, UsageSeries } from "@/contract";
import { useAppWithFreshDatabase } from "../../support/appUnderTest";
import { backend } from "../../support/freshDatabase";
import { call, data, errorOf } from "../../support/signedApi";
import { startStiggStandIn, type StiggStandIn } from "../../standins/stigg";
import { EMAIL_ONLY, entitlements, fixture, FULL, STIGG_KEY, UNKNOWN_STRIPE_CUSTOMER } from "./fixture";

// The app's own logger, writing where the test can read it: no key may reach the logs.
const logs = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock("@/server/log/logger", async (importOriginal) =>
  (await import("../../support/loggerWritingTo")).loggerWritingTo(await importOriginal(), "debug", logs.lines),
);

useAppWithFreshDatabase();

const LINKED = "acct_StiggLinked";
const BAD_KEY_ACCOUNT = "acct_StiggBadKey";
const MOVED_KEY_ACCOUNT = "acct_StiggMovedKey";
const WRONG_KEY = "server-5a5a-revoked-key-never-shown";
const APP_URL = "https://app.stigg.io";

let stigg: StiggStandIn;

beforeAll(async () => {
  stigg = await startStiggStandIn([STIGG_KEY], fixture);
  const { getDb } = await import("@/server/db/client");
  const { getConfig } = await import("@/server/config");
  const { keyringFor } = await import("@/server/crypto/keyring");
  const { seal } = await import("@/server/crypto/seal");
  const { stiggApiKeyContext } = await import("@/server/oauth/stiggWorkspace");
  const db = await getDb();
  const keyring = keyringFor(getConfig());
  const workspaces = [
    { id: "ws_stigg_e2e", account: LINKED, key: STIGG_KEY, sealedFor: undefined },
    { id: "ws_stigg_e2e_bad", account: BAD_KEY_ACCOUNT, key: WRONG_KEY, sealedFor: undefined },
    // A key sealed for another row (copied over): it must not open here.
    { id: "ws_stigg_e2e_moved", account: MOVED_KEY_ACCOUNT, key: STIGG_KEY, sealedFor: "ws_stigg_e2e" },
  ];
  for (const w of workspaces) {
    await db.workspace.create({
      data: {
        id: w.id,
        sourceKind: "stigg",
        displayName: `Stigg environment ${w.id}`,
        stiggAppBaseUrl: APP_URL,
        stiggApiUrl: stigg.url,
        stiggApiKeySealed: seal(w.key, stiggApiKeyContext(w.sealedFor ?? w.id), keyring),
      },
    });
    await db.stripeAccountLink.create({ data: { stripeAccountId: w.account, livemode: false, workspaceId: w.id, scope: "stripe_apps" } });
  }
});
afterAll(() => stigg?.close());

describe(`a Stripe account linked to a Stigg workspace (${backend})`, () => {
  it("sees the customer Stigg holds for the Stripe customer", async () => {
    const { res, body } = await call<CustomerResult>("getCustomer", { stripeCustomerId: FULL.stripe }, LINKED);
    expect(res.status).toBe(200);
    expect(data(body)).toEqual({
      linked: true,
      workspaceName: "Stigg environment ws_stigg_e2e",
      workspaceKind: "stigg",
      customer: {
        stripeCustomerId: FULL.stripe,
        stiggCustomerId: FULL.stigg,
        name: "Acme Corp",
        email: "billing@acme.test",
        stiggUrl: `${APP_URL}/customers/${FULL.stigg}`,
      },
    });
    expect(stigg.received.at(-1)).toMatchObject({ apiKey: STIGG_KEY, operationName: "FindCustomerByBillingId" });
  });

  it("sees its subscriptions, entitlements and usage, read from Stigg", async () => {
    const subs = data((await call<SubscriptionList>("listSubscriptions", { stripeCustomerId: FULL.stripe }, LINKED)).body);
    expect(subs.subscriptions).toHaveLength(6);

    const all = data((await call<EntitlementList>("getEntitlements", { stripeCustomerId: FULL.stripe }, LINKED)).body);
    expect(all.entitlements.map((e) => e.kind).sort()).toEqual([
      ...Array(2).fill("boolean"),
      ...Array(4).fill("credits"),
      ...Array(5).fill("metered"),
      ...Array(4).fill("numeric"),
    ]);
    expect(all.failures).toEqual([]);
    const apiCalls = all.entitlements.find((e) => e.id === "feature-api-calls");
    expect(apiCalls).toMatchObject({ kind: "metered", usageLimit: 10_000, currentUsage: 8_200, grantedBy: [{ subscriptionId: "sub-pro", planName: "Pro" }] });

    const trial = data(
      (await call<EntitlementList>("getEntitlements", { stripeCustomerId: FULL.stripe, subscriptionId: "sub-team-trial" }, LINKED)).body,
    );
    expect(trial.entitlements.map((e) => e.id)).toEqual(["feature-audit-log", "feature-max-projects", "feature-seats"]);

    const usage = data((await call<UsageSeries>("getUsageSeries", { stripeCustomerId: FULL.stripe, featureId: "feature-api-calls" }, LINKED)).body);
    expect(usage).toMatchObject({ from: "2026-11-01T00:00:00.000Z", resetMarkers: ["2026-11-15T00:00:00.000Z"] });
    expect(usage.points).toHaveLength(3);
  });

  it("what Stigg's schema lets be null reaches the drawer with a defined value", async () => {
    const { body } = await call<EntitlementList>("getEntitlements", { stripeCustomerId: FULL.stripe, fresh: true }, LINKED);
    const byId = new Map(data(body).entitlements.map((e) => [e.id, e]));
    expect(byId.get("feature-active-users")).toMatchObject({ kind: "metered", usageLimit: null, unlimited: false, currentUsage: 250 });
    expect(byId.get("feature-exports")).toMatchObject({ currentUsage: 0, softLimit: false, grantedBy: [], resetPeriod: null });
    expect(byId.get("cred-support-hours")).toMatchObject({ kind: "credits", unit: "Support hours" });
    expect(byId.get("cred-nameless")).toMatchObject({ kind: "credits", name: "cred-nameless", unit: "credits" });
  });

  it("an entitlement without a feature is left out and logged once, with the request's correlation id", async () => {
    logs.lines.length = 0;
    const { res } = await call("getEntitlements", { stripeCustomerId: FULL.stripe, fresh: true }, LINKED);
    const correlationId = res.headers.get("X-Correlation-Id")!;
    const left = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "Stigg entitlement left out");
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ correlationId, reason: "the entitlement has no feature", featureId: null });
    expect(logs.lines.join("")).not.toContain(STIGG_KEY);
  });

  it("a malformed credit answer fails only the credits part, with the correlation id", async () => {
    stigg.answerRawNext("<html><body>Proxy login</body></html>", 200, { operationName: "GetCreditEntitlements" });
    const { res, body } = await call<EntitlementList>("getEntitlements", { stripeCustomerId: FULL.stripe, fresh: true }, LINKED);
    const list = data(body);
    expect(list.failures).toEqual([
      { part: "credits", code: "SOURCE_UNAVAILABLE", message: expect.any(String), correlationId: res.headers.get("X-Correlation-Id") },
    ]);
    expect(list.entitlements.some((e) => e.kind === "metered")).toBe(true);
    expect(list.entitlements.some((e) => e.kind === "credits")).toBe(false);
  });

  it("a subscription status the app does not know reaches the drawer as UNKNOWN with Stigg's word", async () => {
    stigg.answerRawNext(
      {
        data: {
          subscriptions: {
            edges: [
              {
                node: {
                  subscriptionId: "sub-paused",
                  status: "PAUSED",
                  startDate: "2026-10-01T00:00:00.000Z",
                  createdAt: null,
                  trialEndDate: null,
                  cancellationDate: null,
                  endDate: null,
                  plan: { refId: "plan-pro", displayName: "Pro" },
                },
              },
            ],
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        },
      },
      200,
      { operationName: "ListCustomerSubscriptions" },
    );
    // Another customer than the earlier tests', so the cache holds no answer for it.
    const { body } = await call<SubscriptionList>("listSubscriptions", { stripeCustomerId: EMAIL_ONLY.stripe }, LINKED);
    expect(data(body).subscriptions).toEqual([expect.objectContaining({ id: "sub-paused", status: "UNKNOWN", rawStatus: "PAUSED" })]);
  });

  it("the refresh icon's fresh read reaches Stigg; a plain one within seconds does not", async () => {
    const input = { stripeCustomerId: FULL.stripe };
    await call("getEntitlements", input, LINKED);
    const before = stigg.count("GetCustomerEntitlements");
    await call("getEntitlements", input, LINKED);
    expect(stigg.count("GetCustomerEntitlements")).toBe(before);
    await call("getEntitlements", { ...input, fresh: true }, LINKED);
    expect(stigg.count("GetCustomerEntitlements")).toBe(before + 1);
  });

  it("a Stripe customer Stigg does not know is NOT_FOUND with where to look in Stigg", async () => {
    const { res, body } = await call("getEntitlements", { stripeCustomerId: UNKNOWN_STRIPE_CUSTOMER }, LINKED);
    expect(res.status).toBe(404);
    expect(errorOf(body).data).toMatchObject({ code: "NOT_FOUND", stiggUrl: `${APP_URL}/customers` });
  });

  it("ids as Stigg can send them reach the drawer, and the usage graph of one with `|` is read", async () => {
    const piped = `usage|${"x".repeat(249)}`;
    const metered = { ...entitlements.apiCalls, feature: { ...entitlements.apiCalls.feature, refId: piped } };
    const legacy = { ...entitlements.sso, feature: { ...entitlements.sso.feature, refId: "Legacy SSO ü" } };
    const broken = { ...entitlements.seats, feature: { ...entitlements.seats.feature, refId: "seats/broken" } };
    stigg.answerRawNext({ data: { entitlements: [metered, legacy, broken] } }, 200, { operationName: "GetCustomerEntitlements" });
    const { res, body } = await call<EntitlementList>("getEntitlements", { stripeCustomerId: FULL.stripe, fresh: true }, LINKED);
    expect(res.status).toBe(200);
    expect(data(body).entitlements.filter((e) => e.kind !== "credits").map((e) => e.id).sort()).toEqual(["Legacy SSO ü", piped].sort());

    stigg.answerRawNext({ data: { entitlements: [metered] } }, 200, { operationName: "GetCustomerEntitlements" });
    const usage = await call<UsageSeries>("getUsageSeries", { stripeCustomerId: EMAIL_ONLY.stripe, featureId: piped }, LINKED);
    expect(usage.res.status).toBe(200);
    expect(data(usage.body).featureId).toBe(piped);
    expect(stigg.received.at(-1)).toMatchObject({ operationName: "GetUsageHistory", variables: { input: { featureId: piped } } });
  });

  it("a null where Stigg promises credit entitlements fails only the credits part, typed, with the correlation id", async () => {
    stigg.answerRawNext({ data: { entitlementsWithSummary: { entitlements: null } } }, 200, { operationName: "GetCreditEntitlements" });
    const { res, body } = await call<EntitlementList>("getEntitlements", { stripeCustomerId: FULL.stripe, fresh: true }, LINKED);
    expect(data(body).failures).toEqual([
      { part: "credits", code: "SOURCE_UNAVAILABLE", message: expect.any(String), correlationId: res.headers.get("X-Correlation-Id") },
    ]);
    expect(data(body).entitlements.some((e) => e.kind === "metered")).toBe(true);
  });

  it("a metered entitlement's usage only: another feature is NOT_FOUND", async () => {
    const { res } = await call("getUsageSeries", { stripeCustomerId: FULL.stripe, featureId: "feature-sso" }, LINKED);
    expect(res.status).toBe(404);
  });
});

describe(`a Stigg workspace whose key Stigg rejects (${backend})`, () => {
  it("answers FORBIDDEN, KEY_REJECTED, saying to link again, with a correlation id; the key is neither in the answer nor in the logs", async () => {
    logs.lines.length = 0;
    const { res, body } = await call("getCustomer", { stripeCustomerId: FULL.stripe }, BAD_KEY_ACCOUNT);
    expect(res.status).toBe(403);
    const error = errorOf(body);
    expect(error.data.code).toBe("FORBIDDEN");
    expect(error.data.failure).toMatchObject({ part: "customer", code: "KEY_REJECTED" });
    expect(error.message).toMatch(/Stigg server key no longer opens this environment; link it again/);
    expect(error.data.correlationId).toBe(res.headers.get("X-Correlation-Id"));
    expect(JSON.stringify(body)).not.toContain(WRONG_KEY);

    const logged = logs.lines.join("");
    expect(logged).toContain(error.data.correlationId);
    expect(logged).toContain("rejected the workspace's API key");
    expect(logged).not.toContain(WRONG_KEY);
    expect(stigg.received.at(-1)?.apiKey).toBe(WRONG_KEY);
  });
});

describe(`a Stigg workspace whose sealed key does not open (${backend})`, () => {
  it("answers INTERNAL_SERVER_ERROR without asking Stigg", async () => {
    const before = stigg.received.length;
    const { res, body } = await call("getCustomer", { stripeCustomerId: FULL.stripe }, MOVED_KEY_ACCOUNT);
    expect(res.status).toBe(500);
    expect(errorOf(body).data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(stigg.received.length).toBe(before);
  });
});
