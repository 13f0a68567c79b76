import { TRPCClientError } from "@trpc/client";
import { type ApiErrorData, CORRELATION_HEADER, type SourceFailure, type WorkspaceKind } from "@/contract";
import { NoAnswer, NotAnApiResponse } from "./jsonOnlyFetch";

/** What the drawer needs from a failed call to tell the user what happened. */
export interface ApiFailure {
  /** The tRPC error code (`NOT_FOUND`, `UNAUTHORIZED`, …), or null when no answer came. */
  code: string | null;
  message: string;
  /** Quoted to support; from the error body, else from the response header. */
  correlationId: string | null;
  /** For NOT_FOUND: where to look in Stigg instead. */
  stiggUrl: string | null;
  /** Which read of Stigg failed and why (rate limited, or no answer), when one did. */
  failure: SourceFailure | null;
  /** The kind of the account's linked workspace, when the host said (it was linked). */
  workspaceKind: WorkspaceKind | null;
}

function isApiErrorData(data: unknown): data is ApiErrorData {
  return typeof data === "object" && data !== null && typeof (data as ApiErrorData).code === "string";
}

/** The correlation header of the HTTP response a tRPC error came with, if any. */
function headerCorrelationId(meta: Record<string, unknown> | undefined): string | null {
  const headers = (meta?.["response"] as { headers?: unknown } | undefined)?.headers;
  return headers instanceof Object && "get" in headers && typeof headers.get === "function"
    ? ((headers.get(CORRELATION_HEADER) as string | null) ?? null)
    : null;
}

export function describeApiError(error: unknown): ApiFailure {
  if (error instanceof TRPCClientError && (error.cause instanceof NotAnApiResponse || error.cause instanceof NoAnswer)) {
    return { code: null, message: error.cause.message, correlationId: error.cause.correlationId, stiggUrl: null, failure: null, workspaceKind: null };
  }
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    const body = isApiErrorData(data) ? data : null;
    // A BAD_REQUEST's message is zod's raw report; its issues say the same in words.
    const issues = body?.issues?.map((i) => i.message).join(" ");
    return {
      code: body?.code ?? null,
      message: issues || error.message,
      correlationId: body?.correlationId ?? headerCorrelationId(error.meta),
      stiggUrl: body?.stiggUrl ?? null,
      failure: body?.failure ?? null,
      workspaceKind: body?.workspaceKind ?? null,
    };
  }
  return {
    code: null,
    message: error instanceof Error ? error.message : String(error),
    correlationId: null,
    stiggUrl: null,
    failure: null,
    workspaceKind: null,
  };
}
