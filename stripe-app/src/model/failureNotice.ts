import type { EntitlementPart, PartFailure } from "@/contract";
import { describeApiError } from "../api/apiError";

/** What a failed part of the drawer tells the user: what is missing, why, and the id for support. */
export interface FailureNotice {
  title: string;
  message: string;
  correlationId: string | null;
  /** Stigg refused for too many requests: waiting helps, unlike an outage. */
  rateLimited: boolean;
}

const PART_TITLE: Record<EntitlementPart, string> = {
  features: "Feature entitlements not loaded",
  credits: "Credit balances not loaded",
};

const RATE_LIMITED_TITLE = "Stigg is rate limiting requests";

/** A part of getEntitlements that failed while the other loaded; the host words the message. */
export function partFailureNotice(failure: PartFailure): FailureNotice {
  const rateLimited = failure.code === "RATE_LIMITED";
  return {
    title: rateLimited ? RATE_LIMITED_TITLE : PART_TITLE[failure.part],
    message: failure.message,
    correlationId: failure.correlationId,
    rateLimited,
  };
}

/** A whole call that failed (e.g. listSubscriptions), `title` saying what is missing. */
export function callFailureNotice(title: string, error: unknown): FailureNotice {
  const { message, correlationId, failure } = describeApiError(error);
  const rateLimited = failure?.code === "RATE_LIMITED";
  return { title: rateLimited ? RATE_LIMITED_TITLE : title, message, correlationId, rateLimited };
}
