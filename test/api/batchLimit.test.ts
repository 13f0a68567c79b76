import { describe, expect, it } from "vitest";
import { MAX_BATCH_CALLS } from "@/contract";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { useAppWithFreshDatabase } from "../support/appUnderTest";
import { type Call, callBatch, signedHeaders } from "../support/signedApi";

useAppWithFreshDatabase();

const getCustomer = (n: number): Call[] =>
  Array.from({ length: n }, () => ({ procedure: "getCustomer", input: { stripeCustomerId: "cus_DemoFull" } }));

describe("the batch limit", () => {
  it(`runs a batch of ${MAX_BATCH_CALLS} calls`, async () => {
    const res = await callBatch(getCustomer(MAX_BATCH_CALLS), signedHeaders(LINKED_ACCOUNT));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result?: unknown }[];
    expect(body).toHaveLength(MAX_BATCH_CALLS);
    expect(body.every((b) => b.result)).toBe(true);
  });

  it("refuses one call more with a 400 that says why, tRPC-shaped, with the correlation id", async () => {
    const res = await callBatch(getCustomer(MAX_BATCH_CALLS + 1), signedHeaders(LINKED_ACCOUNT));
    expect(res.status).toBe(400);
    const correlationId = res.headers.get("X-Correlation-Id");
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(body.error.message).toContain(`at most ${MAX_BATCH_CALLS} calls`);
    expect(body.error.message).toContain(`has ${MAX_BATCH_CALLS + 1}`);
    expect(body.error.data).toEqual({ code: "BAD_REQUEST", httpStatus: 400, correlationId });
  });

  it("counts calls whose separators are percent-encoded, as tRPC decodes them", async () => {
    const input = Object.fromEntries(getCustomer(MAX_BATCH_CALLS + 1).map((c, i) => [i, c.input]));
    const path = Array(MAX_BATCH_CALLS + 1).fill("getCustomer").join("%2C");
    const { handleApiRequest } = await import("@/server/api/handler");
    const res = await handleApiRequest(
      new Request(`http://localhost/api/trpc/${path}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: signedHeaders(LINKED_ACCOUNT),
      }),
    );
    expect(res.status).toBe(400);
  });

  it("never runs an unsigned oversized batch either", async () => {
    const res = await callBatch(getCustomer(200), {});
    expect(res.status).toBe(400);
  });
});
