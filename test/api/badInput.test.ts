import { describe, expect, it } from "vitest";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { call, errorOf, signedHeaders } from "../support/signedApi";

useAppWithFreshDatabase();

/** Row counts of every table: a bad request must leave all of them unchanged. */
async function snapshot(): Promise<Record<string, number>> {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const rows = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const [r] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(r!.n);
  }
  return counts;
}

const cases: [string, Parameters<typeof call>[0], unknown][] = [
  ["no input", "getCustomer", undefined],
  ["null input", "getCustomer", null],
  ["input not an object", "getCustomer", "cus_DemoFull"],
  ["missing stripeCustomerId", "getCustomer", {}],
  ["a number for the id", "getCustomer", { stripeCustomerId: 42 }],
  ["an account id where a customer id goes", "getCustomer", { stripeCustomerId: "acct_DemoLinked" }],
  ["an id with SQL in it", "listSubscriptions", { stripeCustomerId: "cus_x' OR '1'='1" }],
  ["an oversized id", "getEntitlements", { stripeCustomerId: `cus_${"A".repeat(10_000)}` }],
  ["an unknown field", "getEntitlements", { stripeCustomerId: "cus_DemoFull", admin: true }],
  ["a string for a boolean", "getEntitlements", { stripeCustomerId: "cus_DemoFull", fresh: "yes" }],
  ["an empty subscription id", "getEntitlements", { stripeCustomerId: "cus_DemoFull", subscriptionId: "" }],
  ["a NUL byte in the subscription id", "getEntitlements", { stripeCustomerId: "cus_DemoFull", subscriptionId: "sub_Demo\u0000FullPro" }],
  ["a control character in the subscription id", "getEntitlements", { stripeCustomerId: "cus_DemoFull", subscriptionId: "sub_Demo\u0085FullPro" }],
  ["an oversized subscription id", "getEntitlements", { stripeCustomerId: "cus_DemoFull", subscriptionId: `sub_${"A".repeat(252)}` }],
  ["a feature id Stigg would not accept", "getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "-feature" }],
  ["an oversized feature id", "getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: `f${"x".repeat(255)}` }],
  ["a NUL byte in the customer id", "getCustomer", { stripeCustomerId: "cus_Demo\u0000Full" }],
  ["a NUL byte in the feature id", "getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "feature-api\u0000calls" }],
  ["a missing feature id", "getUsageSeries", { stripeCustomerId: "cus_DemoFull" }],
  ["a feature id with a path in it", "getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "../etc/passwd" }],
  ["a date that is not ISO-8601", "getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "feature-api-calls", from: "yesterday", to: "today" }],
  ["from without to", "getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "feature-api-calls", from: "2026-01-01T00:00:00Z" }],
  ["from after to", "getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "feature-api-calls", from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }],
  ["a window of ten years", "getUsageSeries", { stripeCustomerId: "cus_DemoFull", featureId: "feature-api-calls", from: "2016-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }],
];

describe(`bad input gets BAD_REQUEST with the zod issues (${backend})`, () => {
  it.each(cases)("%s", async (_name, procedure, input) => {
    const before = await snapshot();
    const { res, body } = await call(procedure, input, LINKED_ACCOUNT);
    expect(res.status).toBe(400);
    const error = errorOf(body);
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.data.issues?.length).toBeGreaterThan(0);
    expect(error.data.correlationId).toBe(res.headers.get("X-Correlation-Id"));
    expect(await snapshot()).toEqual(before);
  });

  it("a batch URL that is not JSON is a BAD_REQUEST, not a crash", async () => {
    const { handleApiRequest } = await import("@/server/api/handler");
    const res = await handleApiRequest(
      new Request("http://localhost/api/trpc/getCustomer?batch=1&input=%7Bnot-json", { headers: signedHeaders(LINKED_ACCOUNT) }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("X-Correlation-Id")).toBeTruthy();
  });

  it("an unknown procedure is NOT_FOUND and a mutation-style POST is refused", async () => {
    const { handleApiRequest } = await import("@/server/api/handler");
    const unknown = await handleApiRequest(
      new Request("http://localhost/api/trpc/deleteCustomer?input=%7B%7D", { headers: signedHeaders(LINKED_ACCOUNT) }),
    );
    expect(unknown.status).toBe(404);
    const post = await handleApiRequest(
      new Request("http://localhost/api/trpc/getCustomer", {
        method: "POST",
        headers: { ...signedHeaders(LINKED_ACCOUNT), "Content-Type": "application/json" },
        body: JSON.stringify({ stripeCustomerId: "cus_DemoFull" }),
      }),
    );
    expect(post.status).toBe(405);
  });
});
