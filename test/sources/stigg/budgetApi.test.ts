import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PROCEDURE_BUDGET_MS, type CustomerResult, type EntitlementList } from "@/contract";
import { useAppWithFreshDatabase } from "../../support/appUnderTest";
import { backend } from "../../support/freshDatabase";
import { call, callBatch, data, errorOf, signedHeaders } from "../../support/signedApi";
import { startStiggEdge, type StiggEdge } from "../../standins/stiggEdge";
import { startStiggStandIn, type StiggStandIn } from "../../standins/stigg";
import { BILLED, EMAIL_ONLY, fixture, FULL, MANY_SUBSCRIPTIONS, STIGG_KEY } from "./fixture";

// A small budget for the whole request (store time included), still far above what a
// signature check and a link lookup take; the ceilings below are far above the budget.
// Only the hanging Stigg is met with it: the warm-up and the 429s, whose outcome must not
// depend on how fast a busy machine gets a first answer, run with the largest budget.
const BUDGET = 1_000;
const CEILING = 8_000;
process.env.PROCEDURE_BUDGET_MS = String(BUDGET);

async function useBudget(ms: number) {
  const { getConfig } = await import("@/server/config");
  getConfig().procedureBudgetMs = ms;
}

useAppWithFreshDatabase();

const LINKED = "acct_StiggBudget";
let stigg: StiggStandIn;
let edge: StiggEdge;

beforeAll(async () => {
  stigg = await startStiggStandIn([STIGG_KEY], fixture);
  edge = await startStiggEdge(stigg.url);
  const { getDb } = await import("@/server/db/client");
  const { getConfig } = await import("@/server/config");
  const { keyringFor } = await import("@/server/crypto/keyring");
  const { seal } = await import("@/server/crypto/seal");
  const { stiggApiKeyContext } = await import("@/server/oauth/stiggWorkspace");
  expect(getConfig().procedureBudgetMs).toBe(BUDGET);
  const db = await getDb();
  const id = "ws_stigg_budget";
  await db.workspace.create({
    data: {
      id,
      sourceKind: "stigg",
      displayName: "Stigg behind a slow edge",
      stiggAppBaseUrl: "https://app.stigg.io",
      stiggApiUrl: edge.url,
      stiggApiKeySealed: seal(STIGG_KEY, stiggApiKeyContext(id), keyringFor(getConfig())),
    },
  });
  await db.stripeAccountLink.create({ data: { stripeAccountId: LINKED, livemode: false, workspaceId: id, scope: "stripe_apps" } });
  await useBudget(PROCEDURE_BUDGET_MS);
  // Warm: the store and the graphql stand-in have answered once, and Acme is found (and cached).
  expect(data((await call<CustomerResult>("getCustomer", { stripeCustomerId: FULL.stripe }, LINKED)).body)).toMatchObject({ linked: true });
});
afterEach(() => edge.clearRateLimits());
afterAll(async () => {
  delete process.env.PROCEDURE_BUDGET_MS;
  await edge?.close();
  await stigg?.close();
});

type Envelope = Awaited<ReturnType<typeof call>>["body"];
const failureOf = (body: Envelope) => (errorOf(body).data as { failure?: unknown }).failure;

describe(`Stigg answering 429 to everything (${backend})`, () => {
  it("every read is a typed RATE_LIMITED failure of its own part, with Stigg's Retry-After, each asked once", async () => {
    edge.planNext(...Array.from({ length: 40 }, () => ({ status: 429 as const, retryAfter: "30" })));
    const reads = ["ListCustomerSubscriptions", "GetCustomerEntitlements", "GetCreditEntitlements", "FindSubscriptionByBillingId", "FindCustomerByBillingId"];
    const sent = Object.fromEntries(reads.map((read) => [read, edge.received(read)]));

    const res = await callBatch(
      [
        { procedure: "listSubscriptions", input: { stripeCustomerId: FULL.stripe } },
        { procedure: "getEntitlements", input: { stripeCustomerId: FULL.stripe, fresh: true } },
        { procedure: "getUsageSeries", input: { stripeCustomerId: FULL.stripe, featureId: "feature-api-calls" } },
        { procedure: "getSubscriptionEntitlements", input: { stripeSubscriptionId: BILLED.pro } },
        { procedure: "getCustomer", input: { stripeCustomerId: EMAIL_ONLY.stripe } },
      ],
      signedHeaders(LINKED),
    );
    const correlationId = res.headers.get("X-Correlation-Id");
    const [subscriptions, entitlements, usage, subscriptionPage, customer] = (await res.json()) as Envelope[];

    for (const [body, part] of [
      [subscriptions, "subscriptions"],
      [usage, "usage"],
      [subscriptionPage, "subscription"],
      [customer, "customer"],
    ] as const) {
      const error = errorOf(body!);
      expect(error.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429, correlationId });
      expect(failureOf(body!)).toEqual({ part, code: "RATE_LIMITED", retryAfter: 30 });
      expect(error.message).toMatch(/^Stigg is rate-limiting this workspace; try again in 30 s\./);
    }
    const list = data(entitlements as Envelope) as EntitlementList;
    expect(list.failures.map((f) => [f.part, f.code, f.retryAfter, f.correlationId])).toEqual([
      ["features", "RATE_LIMITED", 30, correlationId],
      ["credits", "RATE_LIMITED", 30, correlationId],
    ]);
    expect(list.failures[0]!.message).toBe("Feature entitlements not loaded: Stigg is rate-limiting this workspace; try again in 30 s.");
    // A 30 s wait does not fit a 1 s budget: no read was tried twice.
    for (const read of reads) {
      expect(edge.received(read) - sent[read]!, read).toBe(1);
    }
  });
});

describe(`Stigg that hangs, with a ${BUDGET} ms budget (${backend})`, () => {
  beforeAll(() => useBudget(BUDGET));
  afterAll(() => useBudget(PROCEDURE_BUDGET_MS));

  it("the customer lookup fails in time as App Failed to Load's 'did not answer', with the client's correlation id, asked once", async () => {
    edge.planNext({ hang: true }, { hang: true });
    const sent = edge.received("FindCustomerByBillingId");
    const started = performance.now();
    const clientId = "ext-5f3a9c1d2e4b6a70";
    const { res, body } = await call("getCustomer", { stripeCustomerId: MANY_SUBSCRIPTIONS.stripe }, LINKED, { "X-Correlation-Id": clientId });
    expect(performance.now() - started).toBeLessThan(CEILING);
    expect(res.headers.get("X-Correlation-Id")).toBe(clientId);
    const error = errorOf(body);
    expect(error.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", correlationId: clientId });
    expect(failureOf(body)).toEqual({ part: "customer", code: "SOURCE_UNAVAILABLE" });
    expect(error.message).toMatch(/^Stigg did not answer in time\. If it keeps failing, quote the correlation id to support\.$/);
    expect(edge.received("FindCustomerByBillingId") - sent).toBe(1);
  });

  it("features and credits each fail as SOURCE_UNAVAILABLE 'did not answer in time', within the budget", async () => {
    edge.planNext({ hang: true }, { hang: true }, { hang: true }, { hang: true });
    const started = performance.now();
    const { body } = await call<EntitlementList>("getEntitlements", { stripeCustomerId: FULL.stripe, fresh: true }, LINKED);
    expect(performance.now() - started).toBeLessThan(CEILING);
    const list = data(body);
    expect(list.failures.map((f) => [f.part, f.code])).toEqual([
      ["features", "SOURCE_UNAVAILABLE"],
      ["credits", "SOURCE_UNAVAILABLE"],
    ]);
    expect(list.failures[0]!.message).toMatch(/^Feature entitlements not loaded: Stigg did not answer in time\./);
  });
});
