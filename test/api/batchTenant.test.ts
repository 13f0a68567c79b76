import { describe, expect, it, vi } from "vitest";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { callBatch, signedHeaders } from "../support/signedApi";

const verify = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/server/auth/stripeSignature", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/auth/stripeSignature")>();
  return {
    ...real,
    verifySignedCaller: (...args: Parameters<typeof real.verifySignedCaller>) => {
      verify.calls++;
      return real.verifySignedCaller(...args);
    },
  };
});

useAppWithFreshDatabase();

describe("one batched request", () => {
  it("checks the signature once for all of its calls, and each request checks its own", async () => {
    const input = { stripeCustomerId: "cus_DemoFull" };
    const batch = [
      { procedure: "getCustomer" as const, input },
      { procedure: "listSubscriptions" as const, input },
      { procedure: "getEntitlements" as const, input },
    ];
    const res = await callBatch(batch, signedHeaders(LINKED_ACCOUNT));
    expect(res.status).toBe(200);
    expect(verify.calls).toBe(1);

    const unsigned = await callBatch(batch, { ...signedHeaders(LINKED_ACCOUNT), "Stripe-Account-Id": "acct_Other" });
    const bodies = (await unsigned.json()) as { error?: { data: { code: string } } }[];
    expect(bodies.map((b) => b.error?.data.code)).toEqual(["UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED"]);
    expect(verify.calls).toBe(2);
  });
});
