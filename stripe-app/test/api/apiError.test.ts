import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeApiError } from "../../src/api/apiError";
import { NoAnswer, NotAnApiResponse } from "../../src/api/jsonOnlyFetch";

describe("describeApiError", () => {
  it("reads code, correlation id, Stigg link and workspace kind from the error data", () => {
    const error = TRPCClientError.from({
      error: {
        message: "Customer not found - Stripe customer not found in Stigg",
        code: -32004,
        data: { code: "NOT_FOUND", httpStatus: 404, correlationId: "c-1", stiggUrl: "https://app.stigg.io/customers", workspaceKind: "stigg" },
      },
    });
    expect(describeApiError(error)).toEqual({
      code: "NOT_FOUND",
      message: "Customer not found - Stripe customer not found in Stigg",
      correlationId: "c-1",
      stiggUrl: "https://app.stigg.io/customers",
      failure: null,
      workspaceKind: "stigg",
    });
  });

  it("words a rejected input by its issues rather than zod's raw report", () => {
    const error = TRPCClientError.from({
      error: {
        message: '[{"origin":"string","code":"invalid_format","path":["stripeCustomerId"]}]',
        code: -32600,
        data: {
          code: "BAD_REQUEST",
          httpStatus: 400,
          correlationId: "c-4",
          issues: [{ path: ["stripeCustomerId"], message: "Expected a Stripe customer id like cus_123ABC" }],
        },
      },
    });
    expect(describeApiError(error).message).toBe("Expected a Stripe customer id like cus_123ABC");
  });

  it("falls back to the response's X-Correlation-Id header", () => {
    const response = new Response("Bad gateway", { status: 502, headers: { "X-Correlation-Id": "c-2" } });
    const error = TRPCClientError.from(new Error("Unexpected token B"), { meta: { response } });
    expect(describeApiError(error)).toMatchObject({ code: null, correlationId: "c-2" });
  });

  it("keeps status and header id of a response that was not tRPC's", () => {
    const error = TRPCClientError.from(new NotAnApiResponse(502, "c-3"));
    expect(describeApiError(error)).toEqual({
      code: null,
      message: "The Stigg app's server answered HTTP 502 instead of data.",
      correlationId: "c-3",
      stiggUrl: null,
      failure: null,
      workspaceKind: null,
    });
  });

  it("has no correlation id when no response came", () => {
    expect(describeApiError(TRPCClientError.from(new TypeError("Failed to fetch")))).toEqual({
      code: null,
      message: "Failed to fetch",
      correlationId: null,
      stiggUrl: null,
      failure: null,
      workspaceKind: null,
    });
  });

  it("a rate-limited read says so, and for how long, with its typed failure", () => {
    const error = TRPCClientError.from({
      error: {
        message: "Stigg is rate-limiting this workspace; try again in 30 s. If it keeps failing, quote the correlation id to support.",
        code: -32029,
        data: {
          code: "TOO_MANY_REQUESTS",
          httpStatus: 429,
          correlationId: "c-5",
          failure: { part: "customer", code: "RATE_LIMITED", retryAfter: 30 },
        },
      },
    });
    expect(describeApiError(error)).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      correlationId: "c-5",
      failure: { part: "customer", code: "RATE_LIMITED", retryAfter: 30 },
    });
  });

  it("a request that got no answer in time keeps the id it was sent with", () => {
    const error = TRPCClientError.from(new NoAnswer("0123456789abcdef0123456789abcdef"));
    expect(describeApiError(error)).toEqual({
      code: null,
      message: "The Stigg app's server did not answer within 7 s.",
      correlationId: "0123456789abcdef0123456789abcdef",
      stiggUrl: null,
      failure: null,
      workspaceKind: null,
    });
  });
});
