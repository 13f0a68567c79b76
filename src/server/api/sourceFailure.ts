import { TRPCError } from "@trpc/server";
import type { FailureCode, SourceFailure, SourcePart } from "@/contract";
import { SourceNoAnswerError, SourceRateLimitedError, SourceUnavailableError } from "../sources/types";

export function failureCode(err: SourceUnavailableError): FailureCode {
  return err instanceof SourceRateLimitedError ? "RATE_LIMITED" : "SOURCE_UNAVAILABLE";
}

/** The source's Retry-After in whole seconds, when it gave one. */
export function retryAfterSeconds(err: SourceUnavailableError): number | undefined {
  return err.retryAfterMs === undefined ? undefined : Math.ceil(err.retryAfterMs / 1000);
}

/**
 * Why a read failed, in words a user can act on, when the failure says more than "could
 * not be read": rate limited (and for how long), or no answer (in time, or at all).
 */
export function whyNotRead(err: SourceUnavailableError): string | null {
  if (err instanceof SourceRateLimitedError) {
    const seconds = retryAfterSeconds(err);
    return `Stigg is rate-limiting this workspace; try again in ${seconds === undefined ? "a moment" : `${seconds} s`}`;
  }
  if (err instanceof SourceNoAnswerError) return err.timedOut ? "Stigg did not answer in time" : "Stigg did not answer";
  return null;
}

/** The cause of a call that failed on one read of the source; the error formatter puts it in `data.failure`. */
export class SourcePartFailed extends Error {
  constructor(
    readonly failure: SourceFailure,
    cause: SourceUnavailableError,
  ) {
    super(cause.message, { cause });
    this.name = "SourcePartFailed";
  }
}

/**
 * A read the whole call rests on. A source failure becomes a typed error: TOO_MANY_REQUESTS
 * when rate limited, else INTERNAL_SERVER_ERROR, with `data.failure` saying which read and
 * why, and a message that says "rate limited" or "did not answer" when that is what it was.
 */
export async function readPart<T>(part: SourcePart, read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (!(err instanceof SourceUnavailableError)) throw err;
    const code = failureCode(err);
    const failure: SourceFailure = { part, code, retryAfter: retryAfterSeconds(err) };
    const why = whyNotRead(err);
    throw new TRPCError({
      code: code === "RATE_LIMITED" ? "TOO_MANY_REQUESTS" : "INTERNAL_SERVER_ERROR",
      // Without a reason worth telling, the formatter's generic message stands.
      message: why ? `${why}. If it keeps failing, quote the correlation id to support.` : "",
      cause: new SourcePartFailed(failure, err),
    });
  }
}
