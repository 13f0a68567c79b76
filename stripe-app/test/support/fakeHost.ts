import { TRPCError, type inferRouterInputs, type inferRouterOutputs } from "@trpc/server";
import { getHTTPStatusCode, getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { z } from "zod";
import {
  type ApiErrorData,
  CORRELATION_HEADER,
  customerInput,
  MAX_BATCH_CALLS,
  customerResult,
  disconnectInput,
  disconnectResult,
  entitlementList,
  linksInput,
  linksResult,
  subscriptionEntitlementsInput,
  subscriptionEntitlementsResult,
  entitlementsInput,
  subscriptionList,
  usageSeries,
  usageSeriesInput,
} from "@host/contract";
import type { AppRouter } from "@/contract";

/**
 * A stand-in for the host at the HTTP boundary: it answers the extension's real tRPC
 * client with what the real host sends (same URL scheme, batching, JSON envelopes, HTTP
 * statuses, error data and X-Correlation-Id header), validating inputs and outputs with
 * the contract's schemas as the host's procedures do. Everything above `fetch` is real.
 */

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;
export type Procedure = keyof Inputs & keyof Outputs;

const SCHEMAS = {
  getCustomer: { input: customerInput, output: customerResult },
  listSubscriptions: { input: customerInput, output: subscriptionList },
  getEntitlements: { input: entitlementsInput, output: entitlementList },
  getUsageSeries: { input: usageSeriesInput, output: usageSeries },
  getSubscriptionEntitlements: { input: subscriptionEntitlementsInput, output: subscriptionEntitlementsResult },
  getLinks: { input: linksInput, output: linksResult },
  disconnect: { input: disconnectInput, output: disconnectResult },
} satisfies Record<Procedure, { input: z.ZodType; output: z.ZodType }>;

type ErrorCode = "UNAUTHORIZED" | "NOT_FOUND" | "PRECONDITION_FAILED" | "BAD_REQUEST" | "INTERNAL_SERVER_ERROR" | "TOO_MANY_REQUESTS";

/** Thrown by a handler: answered as the host's error formatter would. */
export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Pick<ApiErrorData, "stiggUrl" | "issues" | "failure" | "workspaceKind"> = {},
  ) {
    super(message);
  }
}

export const notFound = (stiggUrl = "https://app.stigg.io/customers") =>
  new HostError("NOT_FOUND", "Customer not found - Stripe customer not found in Stigg", { stiggUrl });
export const notLinked = () =>
  new HostError(
    "PRECONDITION_FAILED",
    "This Stripe account is not connected to Stigg yet. Open the app and choose Connect Stigg.",
  );
export const internalError = () =>
  new HostError(
    "INTERNAL_SERVER_ERROR",
    "The data source could not be read. Try again; if it keeps failing, quote the correlation id to support.",
  );

/** What the host's procedures know of their request besides the input. */
export interface CallContext {
  /** The request's X-Correlation-Id, which the host also puts in a partial result's failures. */
  correlationId: string;
}

type Handler<P extends Procedure> = (input: Inputs[P], ctx: CallContext) => Outputs[P] | Promise<Outputs[P]>;

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  calls: { procedure: string; input: unknown }[];
  correlationId: string;
}

type Envelope = { result: { data: unknown } } | { error: { message: string; code: number; data: ApiErrorData } };

export class FakeHost {
  readonly requests: RecordedRequest[] = [];
  /** Handler failures other than HostError (e.g. a fixture breaking the contract). */
  readonly faults: unknown[] = [];
  private readonly handlers = new Map<string, (input: never, ctx: CallContext) => unknown>();
  private held: Promise<void> | null = null;
  private release: () => void = () => {};
  private inFlight = 0;

  constructor(readonly base = "http://localhost:3000") {}

  on<P extends Procedure>(procedure: P, handler: Handler<P>): this {
    this.handlers.set(procedure, handler as (input: never, ctx: CallContext) => unknown);
    return this;
  }

  /** Answers nothing until `resume()`: the drawer stays in its loading state. */
  hold(): void {
    this.held ??= new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    this.release();
    this.held = null;
  }

  get idle(): boolean {
    return this.inFlight === 0;
  }

  /** Every procedure call so far, in order, across requests. */
  get calls(): { procedure: string; input: unknown }[] {
    return this.requests.flatMap((r) => r.calls);
  }

  readonly fetch = async (resource: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    this.inFlight++;
    try {
      const request = new Request(resource, init);
      const url = new URL(request.url);
      const correlationId = `corr-${this.requests.length + 1}`;
      const prefix = "/api/trpc/";
      if (url.origin !== this.base || !url.pathname.startsWith(prefix)) {
        return new Response("Not found", { status: 404, headers: { [CORRELATION_HEADER]: correlationId } });
      }
      const procedures = decodeURIComponent(url.pathname.slice(prefix.length)).split(",");
      const batched = url.searchParams.get("batch") === "1";
      // The host refuses an oversized batch before running any of it.
      if (batched && procedures.length > MAX_BATCH_CALLS) {
        const data: ApiErrorData = { code: "BAD_REQUEST", httpStatus: 400, correlationId };
        const error = { message: `A batch holds at most ${MAX_BATCH_CALLS} calls`, code: TRPC_ERROR_CODES_BY_KEY.BAD_REQUEST, data };
        this.requests.push({ url, method: request.method, headers: request.headers, calls: [], correlationId });
        return Response.json({ error }, { status: 400, headers: { [CORRELATION_HEADER]: correlationId } });
      }
      // Queries carry their input in the URL, mutations (POST) in the body.
      const rawInput: unknown =
        request.method === "POST" ? JSON.parse((await request.text()) || "{}") : JSON.parse(url.searchParams.get("input") ?? "{}");
      const inputs = procedures.map((_, i) => (batched ? (rawInput as Record<string, unknown>)[i] : rawInput));
      const recorded: RecordedRequest = {
        url,
        method: request.method,
        headers: request.headers,
        calls: procedures.map((procedure, i) => ({ procedure, input: inputs[i] })),
        correlationId,
      };
      this.requests.push(recorded);
      if (this.held) await this.held;

      const envelopes = await Promise.all(
        procedures.map((procedure, i) => this.answer(procedure, inputs[i], correlationId, request.headers)),
      );
      const body = batched ? envelopes : envelopes[0];
      return new Response(JSON.stringify(body), {
        status: getHTTPStatusCode(envelopes as never),
        headers: { "content-type": "application/json", [CORRELATION_HEADER]: correlationId },
      });
    } finally {
      this.inFlight--;
    }
  };

  private async answer(procedure: string, input: unknown, correlationId: string, headers: Headers): Promise<Envelope> {
    const fail = (e: HostError): Envelope => {
      const code = e.code;
      return {
        error: {
          message: e.message,
          code: TRPC_ERROR_CODES_BY_KEY[code],
          data: {
            code,
            httpStatus: getHTTPStatusCodeFromError(new TRPCError({ code })),
            correlationId,
            ...e.extra,
          },
        },
      };
    };
    // The host's signed procedures refuse a request without the three Stripe headers.
    if (!headers.get("Stripe-Signature") || !headers.get("Stripe-Account-Id") || !headers.get("Stripe-User-Id")) {
      return fail(new HostError("UNAUTHORIZED", "The request is not signed by Stripe for this app."));
    }
    const schemas = SCHEMAS[procedure as Procedure];
    const handler = this.handlers.get(procedure);
    if (!schemas || !handler) {
      return fail(new HostError("NOT_FOUND", `No procedure "${procedure}" on path "${procedure}"`));
    }
    const parsed = schemas.input.safeParse(input);
    if (!parsed.success) {
      return fail(
        new HostError("BAD_REQUEST", parsed.error.message, {
          issues: parsed.error.issues.map((i) => ({
            path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
            message: i.message,
          })),
        }),
      );
    }
    try {
      const output = await handler(parsed.data as never, { correlationId });
      // As the router's `.output()` does: a fixture that breaks the contract fails loudly.
      return { result: { data: schemas.output.parse(output) } };
    } catch (e) {
      if (e instanceof HostError) return fail(e);
      this.faults.push(e);
      throw e;
    }
  }
}
