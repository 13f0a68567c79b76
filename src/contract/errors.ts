import type { SourceFailure } from "./failures";
import type { WorkspaceKind } from "./workspaceKind";

/** The `data` every API error carries (tRPC's error shape), so a client can act on it. */
export interface ApiErrorData {
  code: string;
  httpStatus: number;
  correlationId: string;
  /** Present for BAD_REQUEST: the zod issues, field by field. */
  issues?: { path: (string | number)[]; message: string }[];
  /** Present for NOT_FOUND: where to look in Stigg instead. */
  stiggUrl?: string;
  /** Present when a read of the source failed: which, why, and any wait it asked for. */
  failure?: SourceFailure;
  /**
   * Present when the caller's account is linked: its workspace's kind, so that a failed
   * lookup (404, "App Failed to Load") names the source it failed on truly.
   */
  workspaceKind?: WorkspaceKind;
}

export const CORRELATION_HEADER = "X-Correlation-Id";
