import { execute, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  findCustomerByBillingId,
  findSubscriptionByBillingId,
  getCreditEntitlements,
  getCustomerEntitlements,
  getUsageHistory,
  listCustomerSubscriptions,
} from "@/server/sources/stigg/queries";
import { useAppWithFreshDatabase } from "../../support/appUnderTest";
import { type Call, call } from "../../support/signedApi";
import { startStiggStandIn, type StiggStandIn } from "../../standins/stigg";
import { stiggSchema } from "../../standins/stigg-schema/schema";
import { RandomAnswers, seededRandom } from "./randomAnswer";
import { STIGG_KEY } from "./fixture";

/*
 * Stigg's answers at random, every one valid by Stigg's schema: every procedure that reads
 * Stigg gives a 2xx (failed parts typed inside it), a typed 4xx, or a source failure; never
 * a failed output validation or another internal error. `npm run fuzz:stigg` runs more.
 */

const SEED = Number(process.env.STIGG_FUZZ_SEED ?? 18);
const CASES = Number(process.env.STIGG_FUZZ_CASES ?? 300);
/** `npm test` stops drawing new cases after this long, however many have run. */
const TIME_CAP_MS = Number(process.env.STIGG_FUZZ_TIME_CAP_MS ?? 25_000);

const logs = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock("@/server/log/logger", async (importOriginal) =>
  (await import("../../support/loggerWritingTo")).loggerWritingTo(await importOriginal(), "warn", logs.lines),
);

useAppWithFreshDatabase();

const ACCOUNT = "acct_StiggFuzz";
let stigg: StiggStandIn;

beforeAll(async () => {
  stigg = await startStiggStandIn([STIGG_KEY]);
  const { getDb } = await import("@/server/db/client");
  const { getConfig } = await import("@/server/config");
  const { keyringFor } = await import("@/server/crypto/keyring");
  const { seal } = await import("@/server/crypto/seal");
  const { stiggApiKeyContext } = await import("@/server/oauth/stiggWorkspace");
  const db = await getDb();
  await db.workspace.create({
    data: {
      id: "ws_stigg_fuzz",
      sourceKind: "stigg",
      displayName: "Stigg fuzz",
      stiggAppBaseUrl: "https://app.stigg.io",
      stiggApiUrl: stigg.url,
      stiggApiKeySealed: seal(STIGG_KEY, stiggApiKeyContext("ws_stigg_fuzz"), keyringFor(getConfig())),
    },
  });
  await db.stripeAccountLink.create({ data: { stripeAccountId: ACCOUNT, livemode: false, workspaceId: "ws_stigg_fuzz", scope: "stripe_apps" } });
});
afterAll(() => stigg?.close());

type Op = { operationName: string; document: string };
const PROCEDURES: { procedure: Call["procedure"]; reads: Op[] }[] = [
  { procedure: "getCustomer", reads: [findCustomerByBillingId] },
  { procedure: "listSubscriptions", reads: [findCustomerByBillingId, listCustomerSubscriptions] },
  { procedure: "getEntitlements", reads: [findCustomerByBillingId, getCustomerEntitlements, getCreditEntitlements] },
  { procedure: "getUsageSeries", reads: [findCustomerByBillingId, getCustomerEntitlements, getUsageHistory] },
  { procedure: "getSubscriptionEntitlements", reads: [findSubscriptionByBillingId, getCustomerEntitlements, getCreditEntitlements] },
];

/**
 * For a usage graph: the first entitlement with a feature made a meter (still valid by the
 * schema: the enum values are its own), so that the usage read happens; its id, else any.
 */
function meteredIdIn(data: Record<string, unknown>, random: () => number): string {
  const rows = data.entitlements as { feature: { refId: string; featureType: string; meterType: string | null } | null }[];
  const row = rows.find((r) => r.feature);
  if (!row?.feature) return "feature-none";
  row.feature.featureType = "NUMBER";
  row.feature.meterType = random() < 0.5 ? "Incremental" : "Fluctuating";
  return row.feature.refId;
}

const SOURCE_FAILURES = new Set(["SourcePartFailed", "SourceUnavailableError", "SourceRateLimitedError"]);

describe("every answer valid by Stigg's schema", () => {
  it("generates answers the schema itself accepts", () => {
    const answers = new RandomAnswers(stiggSchema(), seededRandom(SEED));
    for (let i = 0; i < 50; i++) {
      for (const op of PROCEDURES.flatMap((p) => p.reads)) {
        const document = parse(op.document);
        const data = answers.data(document);
        // Executed over the answer itself: a null where the schema says non-null, an enum
        // value it lacks or a wrong type would be an error here.
        const result = execute({ schema: stiggSchema(), document, rootValue: data, variableValues: VARIABLES[op.operationName] });
        expect(result).not.toHaveProperty("errors");
      }
    }
  });

  it(`gives a 2xx, a typed 4xx or a source failure, never an untyped 500 (seed ${SEED})`, async () => {
    const answers = new RandomAnswers(stiggSchema(), seededRandom(SEED));
    const random = seededRandom(SEED + 1);
    const started = Date.now();
    const seen: Record<string, number> = {};
    let ran = 0;
    for (let i = 0; i < CASES && Date.now() - started < TIME_CAP_MS; i++, ran++) {
      const { procedure, reads } = PROCEDURES[Math.floor(random() * PROCEDURES.length)]!;
      stigg.forgetPlanned();
      let featureId = "feature-none";
      for (const op of reads) {
        const data = answers.data(parse(op.document));
        if (op === getCustomerEntitlements && procedure === "getUsageSeries") featureId = meteredIdIn(data, random);
        stigg.answerRawNext({ data }, 200, { operationName: op.operationName });
      }
      const stripeCustomerId = `cus_Fuzz${i}`;
      const input =
        procedure === "getSubscriptionEntitlements"
          ? { stripeSubscriptionId: `sub_Fuzz${i}`, fresh: true }
          : procedure === "getUsageSeries"
            ? { stripeCustomerId, featureId }
            : procedure === "getEntitlements"
              ? { stripeCustomerId, fresh: true }
              : { stripeCustomerId };
      logs.lines.length = 0;
      const { res, body } = await call(procedure, input, ACCOUNT);
      const outcome = `${procedure} ${res.status}`;
      seen[outcome] = (seen[outcome] ?? 0) + 1;
      const failed = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "procedure failed");
      const what = `case ${i}: ${procedure} ${JSON.stringify(input)} → ${res.status} ${JSON.stringify(body).slice(0, 300)}; logged ${JSON.stringify(failed.map((l) => l.err?.type + ": " + l.err?.message))}`;
      // A 4xx is typed by its code; a usage series of an id outside Stigg's rule is a BAD_REQUEST.
      expect([200, 400, 404, 500], what).toContain(res.status);
      if (res.status === 500) {
        // A failed read of the source, typed: the part that failed and why, in data.failure.
        expect((body as { error?: { data?: { failure?: unknown } } }).error?.data?.failure, what).toBeDefined();
        expect(failed.length, what).toBeGreaterThan(0);
        for (const l of failed) expect(SOURCE_FAILURES.has(l.err?.type), what).toBe(true);
      } else expect(failed, what).toEqual([]);
    }
    console.info(`Stigg fuzz, seed ${SEED}: ${ran} cases`, seen);
    expect(ran).toBeGreaterThan(0);
  }, TIME_CAP_MS + 60_000);
});

const VARIABLES: Record<string, Record<string, unknown>> = {
  FindCustomerByBillingId: { billingId: "cus_Fuzz" },
  FindSubscriptionByBillingId: { billingId: "sub_Fuzz" },
  ListCustomerSubscriptions: { customerId: "c", first: 50, after: null },
  GetCustomerEntitlements: { query: { customerId: "c" } },
  GetCreditEntitlements: { query: { customerId: "c" } },
  GetUsageHistory: { input: { customerId: "c", featureId: "f", startDate: "2026-01-01T00:00:00Z", endDate: "2026-02-01T00:00:00Z" } },
};
