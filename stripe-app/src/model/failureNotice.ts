import type { EntitlementPart, FailureCode, PartFailure, WorkspaceKind } from "@/contract";
import { describeApiError } from "../api/apiError";
import { sourceName } from "./sourceWords";

/** What a failed part of the drawer tells the user: what is missing, why, and the id for support. */
export interface FailureNotice {
  title: string;
  message: string;
  correlationId: string | null;
  /**
   * Why the source's read failed, when the host said: RATE_LIMITED (waiting helps, unlike an
   * outage), KEY_REJECTED (only linking again helps); null: any other failure.
   */
  code: FailureCode | null;
}

const PART_TITLE: Record<EntitlementPart, string> = {
  features: "Feature entitlements not loaded",
  credits: "Credit balances not loaded",
};

/** A key that stopped opening the account is no outage: the title says what to mend. */
export const KEY_REJECTED_TITLE = "This workspace's key no longer works";

/** The action beside a rejected key's notice: asking again helps only once it is linked again. */
export const KEY_REJECTED_RETRY = "Retry after linking again";

/** The title a source's typed failure gives a notice, or null to keep what is missing. */
function codeTitle(code: FailureCode | null, kind: WorkspaceKind | null): string | null {
  if (code === "RATE_LIMITED") return `${sourceName(kind)} is rate limiting requests`;
  if (code === "KEY_REJECTED") return KEY_REJECTED_TITLE;
  return null;
}

/** A part of getEntitlements that failed while the other loaded; the host words the message. */
export function partFailureNotice(failure: PartFailure, kind: WorkspaceKind | null): FailureNotice {
  return {
    title: codeTitle(failure.code, kind) ?? PART_TITLE[failure.part],
    message: failure.message,
    correlationId: failure.correlationId,
    code: failure.code,
  };
}

/** A whole call that failed (e.g. listSubscriptions), `title` saying what is missing. */
export function callFailureNotice(title: string, error: unknown, kind: WorkspaceKind | null): FailureNotice {
  const { message, correlationId, failure } = describeApiError(error);
  const code = failure?.code ?? null;
  return { title: codeTitle(code, kind) ?? title, message, correlationId, code };
}
