import { afterEach, describe, expect, it } from "vitest";
import { CORRELATION_HEADER, type CustomerResult, type EntitlementList, type SubscriptionList } from "@/contract";
import { LINKED_ACCOUNT, SANDBOX_WORKSPACE_ID } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { backend } from "../support/freshDatabase";
import { callBatch, signedHeaders } from "../support/signedApi";

useAppWithFreshDatabase();

// The harness's fault switches (src/server/sources/faults.ts), seen through the real API
// on the seeded sandbox: each kind breaks exactly the reads it names.

type Envelope = { result: { data: unknown } } | { error: { data: { code: string; correlationId: string } } };

async function firstPaint() {
  const input = { stripeCustomerId: "cus_DemoFull" };
  const res = await callBatch(
    [
      { procedure: "getCustomer", input },
      { procedure: "listSubscriptions", input },
      { procedure: "getEntitlements", input },
    ],
    signedHeaders(LINKED_ACCOUNT),
  );
  const [customer, subscriptions, entitlements] = (await res.json()) as [Envelope, Envelope, Envelope];
  return { res, correlationId: res.headers.get(CORRELATION_HEADER), customer, subscriptions, entitlements };
}

const dataOf = <T>(e: Envelope) => ("result" in e ? (e.result.data as T) : null);
const codeOf = (e: Envelope) => ("error" in e ? e.error.data.code : null);

async function setFault(kind: "all" | "features" | "credits" | "subscriptions", on: boolean) {
  const { setSourceFault } = await import("@/server/sources/faults");
  setSourceFault(SANDBOX_WORKSPACE_ID, kind, on);
}

afterEach(async () => {
  for (const kind of ["all", "features", "credits", "subscriptions"] as const) await setFault(kind, false);
});

describe(`injected source faults (${backend})`, () => {
  it("with none on, every read answers and no part failed", async () => {
    const paint = await firstPaint();
    expect(paint.res.status).toBe(200);
    const list = dataOf<EntitlementList>(paint.entitlements)!;
    expect(list.failures).toEqual([]);
    expect(new Set(list.entitlements.map((e) => e.kind === "credits"))).toEqual(new Set([true, false]));
  });

  it.each(["features", "credits"] as const)("%s: getEntitlements keeps the other part and reports this one", async (part) => {
    const whole = dataOf<EntitlementList>((await firstPaint()).entitlements)!.entitlements;
    await setFault(part, true);
    const paint = await firstPaint();
    expect(paint.res.status).toBe(200);
    expect(dataOf<CustomerResult>(paint.customer)).toMatchObject({ linked: true });
    expect(dataOf<SubscriptionList>(paint.subscriptions)!.subscriptions.length).toBeGreaterThan(0);
    const list = dataOf<EntitlementList>(paint.entitlements)!;
    const isCredits = part === "credits";
    // A projection is computed from the moment of the read, so two reads differ in it.
    const withoutProjection = (es: EntitlementList["entitlements"]) => es.map((e) => ({ ...e, projection: undefined }));
    expect(withoutProjection(list.entitlements)).toEqual(
      withoutProjection(whole.filter((e) => (e.kind === "credits") !== isCredits)),
    );
    expect(list.failures).toEqual([
      { part, code: "SOURCE_UNAVAILABLE", message: expect.any(String), correlationId: paint.correlationId },
    ]);
  });

  it("subscriptions: listSubscriptions fails on its own in the batch", async () => {
    await setFault("subscriptions", true);
    const paint = await firstPaint();
    expect(paint.res.status).toBe(207);
    expect(dataOf<CustomerResult>(paint.customer)).toMatchObject({ linked: true });
    expect(codeOf(paint.subscriptions)).toBe("INTERNAL_SERVER_ERROR");
    expect((paint.subscriptions as { error: { data: { correlationId: string } } }).error.data.correlationId).toBe(
      paint.correlationId,
    );
    expect(dataOf<EntitlementList>(paint.entitlements)!.failures).toEqual([]);
  });

  it("all: the customer lookup fails too, so the drawer cannot load", async () => {
    await setFault("credits", true);
    await setFault("all", true);
    const paint = await firstPaint();
    expect(paint.res.status).toBe(500);
    expect([paint.customer, paint.subscriptions, paint.entitlements].map(codeOf)).toEqual([
      "INTERNAL_SERVER_ERROR",
      "INTERNAL_SERVER_ERROR",
      "INTERNAL_SERVER_ERROR",
    ]);
    // Turning "all" off leaves the other switch as it was.
    await setFault("all", false);
    expect(dataOf<EntitlementList>((await firstPaint()).entitlements)!.failures.map((f) => f.part)).toEqual(["credits"]);
  });
});
