import { TRPCError } from "@trpc/server";
import type { FailureCode, SourceFailure, SourcePart } from "@/contract";
import {
  SourceKeyRejectedError,
  SourceNoAnswerError,
  SourceRateLimitedError,
  type SourceName,
  SourceUnavailableError,
} from "../sources/types";

export function failureCode(err: SourceUnavailableError): FailureCode {
  if (err instanceof SourceRateLimitedError) return "RATE_LIMITED";
  if (err instanceof SourceKeyRejectedError) return "KEY_REJECTED";
  return "SOURCE_UNAVAILABLE";
}

/** What the sentence calls the source, and what it reads of it. */
const WORDS: Record<SourceName, { name: string; holder: string; key: string }> = {
  Stigg: { name: "Stigg", holder: "this workspace", key: "the Stigg server key no longer opens this environment; link it again" },
  Stripe: { name: "Stripe", holder: "this account", key: "the restricted key no longer opens this Stripe account; link it again" },
};
const UNNAMED = { name: "The data source", holder: "this workspace", key: "the data source no longer accepts the linked key; link it again" };

/** The source's Retry-After in whole seconds, when it gave one. */
export function retryAfterSeconds(err: SourceUnavailableError): number | undefined {
  return err.retryAfterMs === undefined ? undefined : Math.ceil(err.retryAfterMs / 1000);
}

/**
 * Why a read failed, in words a user can act on, when the failure says more than "could
 * not be read": rate limited (and for how long), or no answer (in time, or at all).
 */
export function whyNotRead(err: SourceUnavailableError): string | null {
  const words = err.source ? WORDS[err.source] : UNNAMED;
  if (err instanceof SourceRateLimitedError) {
    const seconds = retryAfterSeconds(err);
    return `${words.name} is rate-limiting ${words.holder}; try again in ${seconds === undefined ? "a moment" : `${seconds} s`}`;
  }
  if (err instanceof SourceKeyRejectedError) return capitalised(words.key);
  if (err instanceof SourceNoAnswerError) return err.timedOut ? `${words.name} did not answer in time` : `${words.name} did not answer`;
  return null;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The tRPC code of a failed read: retrying a rejected key cannot help, so it is not an internal error. */
function trpcCode(code: FailureCode): "TOO_MANY_REQUESTS" | "FORBIDDEN" | "INTERNAL_SERVER_ERROR" {
  if (code === "RATE_LIMITED") return "TOO_MANY_REQUESTS";
  if (code === "KEY_REJECTED") return "FORBIDDEN";
  return "INTERNAL_SERVER_ERROR";
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
 * when rate limited, FORBIDDEN when the source refused the linked key (KEY_REJECTED), else
 * INTERNAL_SERVER_ERROR, with `data.failure` saying which read and
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
      code: trpcCode(code),
      // Without a reason worth telling, the formatter's generic message stands.
      message: !why ? "" : code === "KEY_REJECTED" ? `${why}.` : `${why}. If it keeps failing, quote the correlation id to support.`,
      cause: new SourcePartFailed(failure, err),
    });
  }
}
