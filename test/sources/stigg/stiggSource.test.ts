import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Customer } from "@/contract";
import { StiggGraphqlClient } from "@/server/sources/stigg/graphqlClient";
import { getCustomerEntitlements, getUsageHistory, listCustomerSubscriptions } from "@/server/sources/stigg/queries";
import { StiggSource } from "@/server/sources/stigg/stiggSource";
import { TtlCache } from "@/server/sources/stigg/ttlCache";
import { SourceKeyRejectedError, SourceUnavailableError } from "@/server/sources/types";
import { startStiggStandIn, type StiggStandIn } from "../../standins/stigg";
import { closedPortUrl } from "../../oauth/fixedResponder";
import { BILLED, credits, EMAIL_ONLY, entitlements, fixture, FULL, MANY_SUBSCRIPTIONS, NULL_PAGING, STIGG_KEY, UNKNOWN_STRIPE_CUSTOMER } from "./fixture";

const APP = "https://app.stigg.test";
let stigg: StiggStandIn;

beforeAll(async () => {
  stigg = await startStiggStandIn([STIGG_KEY], fixture);
});
afterAll(() => stigg?.close());

/** What the source logged, as pino would receive it. */
let warnings: { fields: Record<string, unknown>; message: string }[] = [];
const log = { warn: (fields: Record<string, unknown>, message: string) => void warnings.push({ fields, message }) };

function sourceWith(options: { apiKey?: string; apiUrl?: string; budgetMs?: number } = {}) {
  const client = new StiggGraphqlClient({
    apiUrl: options.apiUrl ?? stigg.url,
    apiKey: options.apiKey ?? STIGG_KEY,
    budgetMs: options.budgetMs ?? 2_000,
    retryDelayMs: 5,
  });
  return new StiggSource(client, new TtlCache(30_000, 100), { id: "ws_test", stiggAppBaseUrl: APP }, log);
}

async function failure(p: Promise<unknown>): Promise<SourceUnavailableError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceUnavailableError);
  return err as SourceUnavailableError;
}

let source: StiggSource;
let acme: Customer;
beforeEach(async () => {
  warnings = [];
  source = sourceWith();
  acme = (await source.findCustomer(FULL.stripe))!;
});

describe("finding the Stripe customer in Stigg", () => {
  it("looks the customer up by billing id and links to it in the Stigg app", async () => {
    expect(acme).toEqual({
      stripeCustomerId: FULL.stripe,
      stiggCustomerId: FULL.stigg,
      name: "Acme Corp",
      email: "billing@acme.test",
      stiggUrl: `${APP}/customers/${FULL.stigg}`,
    });
    const sent = stigg.received.filter((r) => r.operationName === "FindCustomerByBillingId").at(-1)!;
    expect(sent.variables).toEqual({ billingId: FULL.stripe });
    expect(sent.apiKey).toBe(STIGG_KEY);
  });

  it("keeps a missing name as null", async () => {
    expect(await source.findCustomer(EMAIL_ONLY.stripe)).toMatchObject({ name: null, email: "solo@dev.test" });
  });

  it("answers null for a Stripe customer Stigg does not know", async () => {
    expect(await source.findCustomer(UNKNOWN_STRIPE_CUSTOMER)).toBeNull();
  });
});

describe("subscriptions", () => {
  it("lists every subscription of the customer, whatever its status, latest start first", async () => {
    const subs = await source.listSubscriptions(acme);
    expect(subs.map((s) => [s.id, s.status])).toEqual([
      ["sub-enterprise-next", "NOT_STARTED"],
      ["sub-pending", "PAYMENT_PENDING"],
      ["sub-team-trial", "IN_TRIAL"],
      ["sub-pro", "ACTIVE"],
      ["sub-starter-old", "CANCELED"],
      ["sub-expired", "EXPIRED"],
    ]);
    expect(subs.find((s) => s.id === "sub-pro")).toMatchObject({ planId: "plan-pro", planName: "Pro", trialEndsAt: null });
    expect(subs.every((s) => s.rawStatus === s.status)).toBe(true);
  });

  it("a subscription without a creation date was created when it started", async () => {
    const pending = (await source.listSubscriptions(acme)).find((s) => s.id === "sub-pending");
    expect(pending).toMatchObject({ startDate: "2026-11-20T00:00:00.000Z", createdAt: "2026-11-20T00:00:00.000Z" });
  });

  it("stops paging when Stigg does not say there is a next page (hasNextPage: null)", async () => {
    const before = stigg.count("ListCustomerSubscriptions");
    const quiet = (await source.findCustomer(NULL_PAGING.stripe))!;
    expect(await source.listSubscriptions(quiet)).toHaveLength(50);
    expect(stigg.count("ListCustomerSubscriptions") - before).toBe(1);
  });

  it("pages with the cursor Stigg gave, sent as a ConnectionCursor", async () => {
    const many = (await source.findCustomer(MANY_SUBSCRIPTIONS.stripe))!;
    await source.listSubscriptions(many);
    const sent = stigg.received.filter((r) => r.operationName === "ListCustomerSubscriptions").slice(-3);
    expect(sent[0]!.variables.after).toBeNull();
    expect(sent[1]!.variables.after).toEqual(expect.any(String));
    expect(sent[1]!.query).toContain("$after: ConnectionCursor");
  });

  it("follows Stigg's pages to the end", async () => {
    const before = stigg.count("ListCustomerSubscriptions");
    const many = (await source.findCustomer(MANY_SUBSCRIPTIONS.stripe))!;
    expect(await source.listSubscriptions(many)).toHaveLength(120);
    expect(stigg.count("ListCustomerSubscriptions") - before).toBe(3);
  });
});

/** Features and credits, as the getEntitlements procedure puts them together. */
async function entitlementsOf(customer: Customer, options: { subscriptionId?: string; fresh?: boolean }) {
  const [features, credits] = await Promise.all([
    source.getFeatureEntitlements(customer, options),
    source.getCreditEntitlements(customer, options),
  ]);
  return [...features, ...credits].sort((a, b) => a.name.localeCompare(b.name));
}

describe("a subscription by its Stripe subscription id", () => {
  it("finds the Stigg subscription whose billingId it is, with its customer", async () => {
    const found = await source.findSubscriptionByBillingId(BILLED.teamTrial);
    expect(found?.customer).toEqual(acme);
    expect(found?.subscription).toMatchObject({ id: "sub-team-trial", planName: "Team", status: "IN_TRIAL" });
    const sent = stigg.received.filter((r) => r.operationName === "FindSubscriptionByBillingId").at(-1)!;
    expect(sent.variables).toEqual({ billingId: BILLED.teamTrial });
  });

  it("answers null for a Stripe subscription Stigg does not bill through, and for a Stigg id", async () => {
    expect(await source.findSubscriptionByBillingId("sub_1NotInStigg")).toBeNull();
    // A Stigg subscription id is no billing id.
    expect(await source.findSubscriptionByBillingId("sub-pro")).toBeNull();
  });

  it("a subscription whose customer has no Stripe customer id is not shown, and is logged", async () => {
    expect(await source.findSubscriptionByBillingId(BILLED.orphan)).toBeNull();
    expect(warnings.map((w) => w.fields.reason)).toContain("subscription's customer has no Stripe customer id");
  });
});

describe("entitlements", () => {
  it("maps every kind, credits included, sorted by name", async () => {
    const list = await entitlementsOf(acme, {});
    expect(list.map((e) => [e.name, e.kind])).toEqual([
      ["Active users", "metered"],
      ["AI tokens", "credits"],
      ["API calls", "metered"],
      ["Audit log", "boolean"],
      ["cred-nameless", "credits"],
      ["Data region", "numeric"],
      ["Exports", "metered"],
      ["GPU time", "credits"],
      ["Projects", "numeric"],
      ["Retention", "numeric"],
      ["Single sign-on", "boolean"],
      ["Storage", "metered"],
      ["Support hours", "credits"],
      ["Team seats", "metered"],
      ["Workspaces", "numeric"],
    ]);
  });

  it("an entitlement without a feature is left out and logged once per request", async () => {
    await entitlementsOf(acme, {});
    await source.getUsageSeries(acme, "feature-api-calls");
    expect(warnings).toEqual([
      { fields: { workspaceId: "ws_test", featureId: null, reason: "the entitlement has no feature" }, message: "Stigg entitlement left out" },
    ]);
  });

  it("a metered entitlement with neither a limit nor unlimited is usage without a limit", async () => {
    const list = await entitlementsOf(acme, {});
    expect(list.find((e) => e.id === "feature-active-users")).toMatchObject({
      kind: "metered",
      meterKind: "usage",
      currentUsage: 250,
      usageLimit: null,
      unlimited: false,
      unit: { singular: "active user", plural: "active users" },
      resetPeriod: "month",
    });
  });

  it("a metered entitlement with every nullable field null has a defined value for each", async () => {
    const list = await entitlementsOf(acme, {});
    expect(list.find((e) => e.id === "feature-exports")).toEqual({
      id: "feature-exports",
      name: "Exports",
      grantedBy: [],
      kind: "metered",
      meterKind: "events",
      currentUsage: 0,
      usageLimit: 100,
      unlimited: false,
      softLimit: false,
      // Only the plural is reported: it stands for the singular too.
      unit: { singular: "exports", plural: "exports" },
      resetPeriod: null,
      currentPeriodStart: null,
      currentPeriodEnd: null,
      // No limit and no period: nothing to project.
      projection: null,
    });
    // No units at all: "units".
    expect(list.find((e) => e.id === "feature-storage-gb")).toMatchObject({ unit: { singular: "unit", plural: "units" } });
  });

  it("a credit currency's unit: its units, else its name, else \"credits\"", async () => {
    const credits = (await entitlementsOf(acme, {})).filter((e) => e.kind === "credits");
    expect(credits.map((c) => [c.id, c.name, c.kind === "credits" && c.unit])).toEqual([
      ["cred-ai-tokens", "AI tokens", "tokens"],
      ["cred-nameless", "cred-nameless", "credits"],
      ["cred-gpu", "GPU time", "GPU minute"],
      ["cred-support-hours", "Support hours", "Support hours"],
    ]);
  });

  it("a credit row says whether a grant in effect made to the customer directly is in it", async () => {
    const credits = await source.getCreditEntitlements(acme, {});
    const direct = Object.fromEntries(credits.map((c) => [c.id, c.kind === "credits" && c.hasCustomerLevelGrant]));
    // A promotion without plan, add-on or price behind it counts; an expired one does not.
    expect(direct).toEqual({ "cred-ai-tokens": true, "cred-support-hours": false, "cred-gpu": false, "cred-nameless": false });
    // Credits are read as credit entitlements, not from the deprecated credit balance summary.
    expect(stigg.received.filter((r) => r.operationName === "GetCreditEntitlements").at(-1)!.variables).toEqual({
      query: { customerId: FULL.stigg },
    });
    expect(stigg.received.some((r) => /creditBalanceSummary|creditGrants/.test(r.query))).toBe(false);
  });

  it("balances are Stigg's granted less consumed; grants without summaries say nothing of their origin", async () => {
    const credits = await source.getCreditEntitlements(acme, {});
    expect(credits.map((c) => c.kind === "credits" && [c.id, c.currentBalance, c.totalGranted, c.totalConsumed])).toEqual([
      ["cred-ai-tokens", 750, 1_000, 250],
      ["cred-support-hours", 3, 10, 7],
      ["cred-gpu", 40, 60, 20],
      // No usage reported is none consumed.
      ["cred-nameless", 1, 1, 0],
    ]);
    const quiet = (await source.findCustomer(NULL_PAGING.stripe))!;
    expect(await source.getCreditEntitlements(quiet, {})).toMatchObject([{ id: "cred-support-hours", hasCustomerLevelGrant: null }]);
  });

  it("a subscription's view has only what that subscription grants, and no credit balance", async () => {
    const trial = await entitlementsOf(acme, { subscriptionId: "sub-team-trial" });
    expect(trial.map((e) => e.id)).toEqual(["feature-audit-log", "feature-max-projects", "feature-seats"]);
    expect(await entitlementsOf(acme, { subscriptionId: "sub-starter-old" })).toEqual([]);
  });

  it("a customer with nothing granted has no entitlements", async () => {
    const solo = (await source.findCustomer(EMAIL_ONLY.stripe))!;
    expect(await entitlementsOf(solo, {})).toEqual([]);
  });
});

describe("the short-lived cache", () => {
  it("serves repeated reads from the cache and reads through for fresh", async () => {
    const reads = () => [stigg.count("GetCustomerEntitlements"), stigg.count("GetCreditEntitlements")];
    const start = reads();
    await entitlementsOf(acme, {});
    await entitlementsOf(acme, { subscriptionId: "sub-pro" });
    await entitlementsOf(acme, {});
    expect(reads()).toEqual([start[0]! + 1, start[1]! + 1]);

    await entitlementsOf(acme, { fresh: true });
    expect(reads()).toEqual([start[0]! + 2, start[1]! + 2]);
    // The fresh answer refilled the cache.
    await entitlementsOf(acme, {});
    expect(reads()).toEqual([start[0]! + 2, start[1]! + 2]);
  });

  it("also spares the customer lookup", async () => {
    const before = stigg.count("FindCustomerByBillingId");
    await source.findCustomer(FULL.stripe);
    await source.findCustomer(FULL.stripe);
    expect(stigg.count("FindCustomerByBillingId")).toBe(before);
  });

  it("expires entries after the TTL and shares one request between concurrent callers", async () => {
    let now = 0;
    const cache = new TtlCache(30_000, 10, () => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get("k", load), cache.get("k", load)])).toEqual([1, 1]);
    now = 29_999;
    expect(await cache.get("k", load)).toBe(1);
    now = 30_000;
    expect(await cache.get("k", load)).toBe(2);
  });

  it("keeps no failure", async () => {
    const cache = new TtlCache(30_000, 10);
    await expect(cache.get("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("k", async () => "up")).toBe("up");
  });
});

describe("usage series", () => {
  it("an events meter: the current period by default, one point per day, resets inside it", async () => {
    const series = await source.getUsageSeries(acme, "feature-api-calls");
    expect(series).toEqual({
      featureId: "feature-api-calls",
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-12-01T00:00:00.000Z",
      points: [
        { timestamp: "2026-11-02T00:00:00.000Z", value: 300 },
        { timestamp: "2026-11-03T00:00:00.000Z", value: 150 },
        { timestamp: "2026-11-15T00:00:00.000Z", value: 70 },
      ],
      resetMarkers: ["2026-11-15T00:00:00.000Z"],
    });
    expect(stigg.received.filter((r) => r.operationName === "GetUsageHistory").at(-1)!.variables).toEqual({
      input: {
        customerId: FULL.stigg,
        featureId: "feature-api-calls",
        startDate: "2026-11-01T00:00:00.000Z",
        endDate: "2026-12-01T00:00:00.000Z",
      },
    });
  });

  it("a usage meter over a given window: each day's highest reading", async () => {
    const window = { from: new Date("2026-11-18T00:00:00.000Z"), to: new Date("2026-11-25T00:00:00.000Z") };
    const series = await source.getUsageSeries(acme, "feature-seats", window);
    expect(series?.points).toEqual([
      { timestamp: "2026-11-20T00:00:00.000Z", value: 5 },
      { timestamp: "2026-11-21T00:00:00.000Z", value: 12 },
    ]);
    expect(series?.resetMarkers).toEqual([]);
  });

  it("is null for a feature that is not a metered entitlement of the customer", async () => {
    expect(await source.getUsageSeries(acme, "feature-sso")).toBeNull();
    expect(await source.getUsageSeries(acme, "feature-nobody-has")).toBeNull();
  });
});

describe("when Stigg fails", () => {
  it("a rejected key is a key-rejected failure that does not name the key, and is not retried", async () => {
    const wrongKey = "server-0000-wrong-key-do-not-log";
    const before = stigg.received.length;
    const err = await failure(sourceWith({ apiKey: wrongKey }).findCustomer(FULL.stripe));
    expect(err).toBeInstanceOf(SourceKeyRejectedError);
    expect(err.message).toMatch(/rejected the workspace's API key/);
    expect(JSON.stringify({ message: err.message, stack: err.stack, cause: String(err.cause) })).not.toContain(wrongKey);
    expect(stigg.received.length - before).toBe(1);
  });

  it("a 5xx is a source failure, not retried (a retry helps only a refused connection or a Retry-After)", async () => {
    const before = stigg.count("FindCustomerByBillingId");
    stigg.failNext("http500");
    const err = await failure(sourceWith().findCustomer(FULL.stripe));
    expect(err.message).toBe("Stigg FindCustomerByBillingId: Stigg answered HTTP 500");
    expect(stigg.count("FindCustomerByBillingId") - before).toBe(1);
  });

  it("a request that times out is not retried: Stigg may still be working on it", async () => {
    const before = stigg.count("FindCustomerByBillingId");
    stigg.failNext("hang");
    const err = await failure(sourceWith({ budgetMs: 300 }).findCustomer(FULL.stripe));
    expect(err.message).toMatch(/no answer within \d+ ms/);
    expect(stigg.count("FindCustomerByBillingId") - before).toBe(1);
  });

  it("an unreachable Stigg is a source failure", async () => {
    const err = await failure(sourceWith({ apiUrl: await closedPortUrl() }).findCustomer(FULL.stripe));
    expect(err.message).toMatch(/could not be reached/);
  });

  it("GraphQL errors are a source failure naming Stigg's code", async () => {
    const client = new StiggGraphqlClient({ apiUrl: stigg.url, apiKey: STIGG_KEY });
    const misnamed = { ...getCustomerEntitlements, document: getCustomerEntitlements.document.replace("entitlements(query:", "entitlement(query:") };
    const err = await failure(client.request(misnamed, { query: { customerId: FULL.stigg } }));
    expect(err.message).toMatch(/^Stigg GetCustomerEntitlements: Stigg answered with errors: GRAPHQL_VALIDATION_FAILED/);
  });

  it("a cursor declared as String is refused, as Stigg's schema types CursorPaging.after as ConnectionCursor", async () => {
    const client = new StiggGraphqlClient({ apiUrl: stigg.url, apiKey: STIGG_KEY });
    const stringCursor = { ...listCustomerSubscriptions, document: listCustomerSubscriptions.document.replace("$after: ConnectionCursor", "$after: String") };
    const err = await failure(client.request(stringCursor, { customerId: FULL.stigg, first: 1, after: null }));
    expect(err.message).toMatch(/GRAPHQL_VALIDATION_FAILED: Variable "\$after" of type "String" used in position expecting type "ConnectionCursor"/);
  });

  it("a missing variable is refused by the stand-in, as by Stigg", async () => {
    const client = new StiggGraphqlClient({ apiUrl: stigg.url, apiKey: STIGG_KEY });
    const err = await failure(client.request(getCustomerEntitlements, { query: {} } as never));
    expect(err.message).toMatch(/BAD_USER_INPUT/);
  });

  it("a DateTime that is not ISO-8601 is refused by the stand-in, as Stigg's DateTime scalar refuses it", async () => {
    const client = new StiggGraphqlClient({ apiUrl: stigg.url, apiKey: STIGG_KEY });
    const input = { customerId: FULL.stigg, featureId: "feature-api-calls", startDate: "last Tuesday", endDate: new Date().toISOString() };
    const err = await failure(client.request(getUsageHistory, { input }));
    expect(err.message).toMatch(/BAD_USER_INPUT.*DateTime cannot represent "last Tuesday"/);
  });

  it("an answer of an unexpected shape is a source failure", async () => {
    const client = new StiggGraphqlClient({ apiUrl: stigg.url, apiKey: STIGG_KEY });
    const unselected = { ...getCustomerEntitlements, document: getCustomerEntitlements.document.replace("hasUnlimitedUsage ", "") };
    const err = await failure(client.request(unselected, { query: { customerId: FULL.stigg } }));
    expect(err.message).toMatch(/unexpected shape \(entitlements\.0\.hasUnlimitedUsage/);
  });
});

/** A subscription node as Stigg sends it, for answers given raw. */
const node = (subscriptionId: string, status: string) => ({
  subscriptionId,
  status,
  startDate: "2026-10-01T00:00:00.000Z",
  createdAt: null,
  trialEndDate: null,
  cancellationDate: null,
  endDate: null,
  plan: { refId: "plan-pro", displayName: "Pro" },
});
const entitlementsAnswer = (...rows: unknown[]) => ({ data: { entitlements: rows } });

describe("bad answers from Stigg", () => {
  it("a body that is not JSON is a source failure of that read", async () => {
    stigg.answerRawNext("upstream connect error or disconnect/reset before headers", 200, { contentType: "text/plain" });
    const err = await failure(source.listSubscriptions(acme));
    expect(err.message).toBe("Stigg ListCustomerSubscriptions: Stigg answered HTTP 200 with no GraphQL response");
  });

  it("an HTML page from a proxy is a source failure, a 5xx one too", async () => {
    stigg.answerRawNext("<html><body><h1>Sign in to continue</h1></body></html>", 200, { operationName: "GetCreditEntitlements" });
    expect((await failure(source.getCreditEntitlements(acme, {}))).message).toBe(
      "Stigg GetCreditEntitlements: Stigg answered HTTP 200 with no GraphQL response",
    );
    const gateway = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    stigg.answerRawNext(gateway, 502);
    expect((await failure(source.getFeatureEntitlements(acme, {}))).message).toBe(
      "Stigg GetCustomerEntitlements: Stigg answered HTTP 502",
    );
  });

  it("a GraphQL errors array is a source failure naming Stigg's code and message", async () => {
    stigg.answerRawNext({ data: null, errors: [{ message: "Something broke", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
    const err = await failure(source.getFeatureEntitlements(acme, {}));
    expect(err.message).toBe("Stigg GetCustomerEntitlements: Stigg answered with errors: INTERNAL_SERVER_ERROR: Something broke");
  });

  it("errors next to partial data are still a failure, not a silently shorter list", async () => {
    stigg.answerRawNext({
      data: { entitlements: [entitlements.sso] },
      errors: [{ message: "Cannot return null for non-nullable field", path: ["entitlements", 1, "isGranted"] }],
    });
    expect((await failure(source.getFeatureEntitlements(acme, {}))).message).toMatch(/^Stigg GetCustomerEntitlements: Stigg answered with errors/);
  });

  it("a field of the wrong type is a source failure naming the field", async () => {
    stigg.answerRawNext(entitlementsAnswer({ ...entitlements.apiCalls, usageLimit: "lots" }));
    const err = await failure(source.getFeatureEntitlements(acme, {}));
    expect(err.message).toMatch(/^Stigg GetCustomerEntitlements: Stigg's answer has an unexpected shape \(entitlements\.0\.usageLimit: /);
  });

  it("a subscription status this app does not know is shown with Stigg's own word", async () => {
    stigg.answerRawNext({
      data: {
        subscriptions: {
          edges: [{ node: node("sub-paused", "PAUSED") }, { node: node("sub-pro", "ACTIVE") }],
          pageInfo: { hasNextPage: false, endCursor: "b2Zmc2V0OjI=" },
        },
      },
    });
    const subs = await source.listSubscriptions(acme);
    expect(subs.map((s) => [s.id, s.status, s.rawStatus])).toEqual([
      ["sub-paused", "UNKNOWN", "PAUSED"],
      ["sub-pro", "ACTIVE", "ACTIVE"],
    ]);
  });

  // Stigg publishes these as non-null (graphql-reference/types/SubscriptionQueryConnection,
  // types/EntitlementsWithSummary): a null there is a broken answer, never "nothing".
  it("subscription edges reported as null are a failed read, not no subscriptions", async () => {
    stigg.answerRawNext({ data: { subscriptions: { edges: null, pageInfo: { hasNextPage: null, endCursor: null } } } });
    expect((await failure(source.listSubscriptions(acme))).message).toMatch(
      /^Stigg ListCustomerSubscriptions: Stigg's answer has an unexpected shape \(subscriptions\.edges: /,
    );
    stigg.answerRawNext({ data: { subscriptions: { edges: null } } });
    expect((await failure(source.findSubscriptionByBillingId(BILLED.pro))).message).toMatch(/subscriptions\.edges: /);
  });

  it("an entitlement of an unknown feature type or meter type is left out and logged; the rest shows", async () => {
    stigg.answerRawNext(
      entitlementsAnswer(
        { ...entitlements.sso, feature: { ...entitlements.sso.feature, featureType: "JSON" } },
        { ...entitlements.apiCalls, feature: { ...entitlements.apiCalls.feature, meterType: "Decremental" } },
        entitlements.seats,
      ),
    );
    expect((await source.getFeatureEntitlements(acme, {})).map((e) => e.id)).toEqual(["feature-seats"]);
    expect(warnings.map((w) => w.fields)).toEqual([
      { workspaceId: "ws_test", featureId: "feature-sso", reason: "unknown feature type JSON" },
      { workspaceId: "ws_test", featureId: "feature-api-calls", reason: "unknown meter type Decremental" },
    ]);
  });

  it("a null where Stigg promises credit entitlements is a failed credits read, not no credits", async () => {
    stigg.answerRawNext({ data: { entitlementsWithSummary: { entitlements: null } } });
    expect((await failure(source.getCreditEntitlements(acme, {}))).message).toMatch(
      /^Stigg GetCreditEntitlements: Stigg's answer has an unexpected shape \(entitlementsWithSummary\.entitlements: /,
    );
    stigg.answerRawNext({ data: { entitlementsWithSummary: null } });
    await failure(source.getCreditEntitlements(acme, {}));
  });

  it("a credit entitlement of the wrong shape is a failed read, not a row quietly dropped", async () => {
    stigg.answerRawNext({
      data: { entitlementsWithSummary: { entitlements: [{ __typename: "CreditEntitlementWithSummary", currency: null }] } },
    });
    expect((await failure(source.getCreditEntitlements(acme, {}))).message).toMatch(/unexpected shape/);
  });
});

describe("ids as Stigg can send them", () => {
  const withId = (refId: string) => ({ ...entitlements.sso, feature: { ...entitlements.sso.feature, refId } });
  const long = `f${"x".repeat(254)}`;

  it("any id the contract can carry is shown: `|`, 255 characters, legacy ids outside Stigg's rule for new ones", async () => {
    stigg.answerRawNext(entitlementsAnswer(withId("team|seats"), withId(long), withId("Legacy Feature ü"), withId("_imported")));
    expect((await source.getFeatureEntitlements(acme, {})).map((e) => e.id).sort()).toEqual(
      ["Legacy Feature ü", "_imported", long, "team|seats"].sort(),
    );
    expect(warnings).toEqual([]);
  });

  it("an id outside every rule is left out and logged once; the rest of the list shows", async () => {
    stigg.answerRawNext(
      entitlementsAnswer(withId(""), withId("  "), withId("a\u0000b"), withId("a/b"), withId("-lead"), withId(`${long}y`), withId("a/b"), entitlements.seats),
    );
    expect((await source.getFeatureEntitlements(acme, {})).map((e) => e.id)).toEqual(["feature-seats"]);
    expect(warnings.map((w) => w.fields.reason)).toEqual([
      "the feature has a blank id",
      "the feature has a blank id",
      "the feature has an id over 255 characters or with a control character",
      "the feature has an id with a slash",
      "the feature has an id starting with a dash",
      "the feature has an id over 255 characters or with a control character",
    ]);
  });

  it("a second row with an id already listed is left out and logged: the drawer keys rows by id", async () => {
    stigg.answerRawNext(entitlementsAnswer(entitlements.sso, { ...entitlements.auditLog, feature: { ...entitlements.auditLog.feature, refId: "feature-sso" } }));
    expect((await source.getFeatureEntitlements(acme, {})).map((e) => [e.id, e.name])).toEqual([["feature-sso", "Single sign-on"]]);
    stigg.answerRawNext({
      data: { subscriptions: { edges: [{ node: node("sub-pro", "ACTIVE") }, { node: node("sub-pro", "CANCELED") }], pageInfo: { hasNextPage: false, endCursor: null } } },
    });
    expect((await source.listSubscriptions(acme)).map((s) => [s.id, s.status])).toEqual([["sub-pro", "ACTIVE"]]);
    expect(warnings.map((w) => w.fields.reason)).toEqual(["a second entitlement with the same id", "the subscription has an id already listed"]);
  });

  it("usage near the largest float has no projection rather than an infinite one", async () => {
    // Halfway through its period: at that rate, twice 1e308 by the end.
    const period = { usagePeriodStart: new Date(Date.now() - 10 * 864e5).toISOString(), usagePeriodEnd: new Date(Date.now() + 10 * 864e5).toISOString() };
    stigg.answerRawNext(entitlementsAnswer({ ...entitlements.apiCalls, ...period, currentUsage: 1e308, usageLimit: Number.MAX_VALUE }));
    const [calls] = await source.getFeatureEntitlements(acme, {});
    expect(calls).toMatchObject({ kind: "metered", currentUsage: 1e308, projection: null });
  });

  it("a credit currency or subscription id outside every rule leaves that row out, not the list", async () => {
    const { aiTokens, gpu } = credits;
    stigg.answerRawNext({
      data: {
        entitlementsWithSummary: {
          entitlements: [
            { __typename: "FeatureEntitlementWithSummary" },
            { __typename: "CreditEntitlementWithSummary", ...aiTokens, currency: { ...aiTokens.currency, currencyId: "x/y" } },
            { __typename: "CreditEntitlementWithSummary", ...gpu },
          ],
        },
      },
    });
    expect((await source.getCreditEntitlements(acme, {})).map((e) => e.id)).toEqual(["cred-gpu"]);
    stigg.answerRawNext({
      data: {
        subscriptions: {
          edges: [{ node: node("", "ACTIVE") }, { node: node("sub|pro", "ACTIVE") }],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    });
    expect((await source.listSubscriptions(acme)).map((s) => s.id)).toEqual(["sub|pro"]);
    expect(warnings.map((w) => w.fields.reason)).toEqual([
      "the credit currency has an id with a slash",
      "the subscription has a blank id",
    ]);
  });
});
