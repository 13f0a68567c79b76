import { z } from "zod";
import { PROCEDURE_BUDGET_MS } from "@/contract";
import { SourceKeyRejectedError, SourceNoAnswerError, SourceRateLimitedError, SourceUnavailableError } from "../types";
import { backoffDelay, retryAfterMs } from "./backoff";
import type { Operation } from "./queries";

export interface StiggClientOptions {
  /** Stigg's GraphQL endpoint (STIGG_API_URL or the workspace's own). */
  apiUrl: string;
  /** A server key; sent as X-API-KEY and never put in an error or a log line. */
  apiKey: string;
  /**
   * When the API request this client serves must have answered (epoch ms): every read,
   * retry and wait of it ends there. Without one, each read gets `budgetMs` of its own.
   */
  deadline?: number;
  /** A read's time when there is no `deadline`. */
  budgetMs?: number;
  /** Pause before retrying a refused or reset connection (jittered). */
  retryDelayMs?: number;
  /** Jitter's source, [0, 1); tests pin it. */
  random?: () => number;
}

const envelope = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z.object({ code: z.string().optional() }).loose().nullish(),
      }),
    )
    .nullish(),
});

const REJECTED_KEY = /UNAUTHENTICATED|UNAUTHORIZED|FORBIDDEN/i;

/** The read ran out of time: never retried, Stigg may still be working on it. */
class TimedOut extends Error {}

/** The connection was refused or reset: the request may never have reached Stigg, so one retry can help. */
class Refused extends Error {}

/** HTTP 429 or 503: retried once, and only when Stigg said how long to wait (Retry-After). */
class Throttled extends Error {
  constructor(
    readonly status: 429 | 503,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`Stigg answered HTTP ${status}${status === 429 ? " (too many requests)" : ""}`);
  }
}

/** Stigg refused the workspace's key (revoked or rotated): never retried, only relinking helps. */
class KeyRefused extends Error {}

/** Socket-level codes of a refused or reset connection (Node's, and undici's "other side closed"). */
const REFUSED_OR_RESET = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

function errorCodes(err: unknown): string[] {
  if (!(err instanceof Error)) return [];
  const own = "code" in err && typeof err.code === "string" ? [err.code] : [];
  const nested = err instanceof AggregateError ? err.errors.flatMap(errorCodes) : [];
  return [...own, ...nested, ...errorCodes(err.cause)];
}

/**
 * Sends read-only operations to Stigg's GraphQL API: POST {query, variables,
 * operationName} with the X-API-KEY header, as Stigg documents. Every read ends by the
 * deadline of the request it serves, and tries again at most once, only where that can
 * help (a refused or reset connection; a 429 or 503 whose Retry-After fits the time
 * left); a read that timed out is never repeated. Every failure is a
 * SourceUnavailableError naming the operation and what went wrong, never the key.
 */
export class StiggGraphqlClient {
  private readonly budgetMs: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: StiggClientOptions) {
    this.budgetMs = options.budgetMs ?? PROCEDURE_BUDGET_MS;
    this.retryDelayMs = options.retryDelayMs ?? 100;
  }

  async request<V, D>(op: Operation<V, D>, variables: V): Promise<D> {
    const deadline = this.options.deadline ?? Date.now() + this.budgetMs;
    for (let attempt = 0; ; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) throw this.noAnswer(op, "the request's time budget was used up before this read", true);
      try {
        return await this.once(op, variables, left);
      } catch (err) {
        if (err instanceof TimedOut) throw this.noAnswer(op, err.message, true, err);
        const wait = attempt === 0 ? this.retryWait(err, attempt) : undefined;
        if (wait === undefined || wait >= deadline - Date.now()) throw this.failure(op, err);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** How long to wait before the one retry, or undefined when a retry cannot help. */
  private retryWait(err: unknown, attempt: number): number | undefined {
    if (err instanceof Refused) {
      return backoffDelay(attempt, { baseMs: this.retryDelayMs, capMs: this.retryDelayMs, random: this.options.random });
    }
    if (err instanceof Throttled) return err.retryAfterMs;
    return undefined;
  }

  private async once<V, D>(op: Operation<V, D>, variables: V, timeoutMs: number): Promise<D> {
    // One signal for the whole exchange: a body that trickles in is cut off like a hung answer.
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.options.apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "x-api-key": this.options.apiKey },
        body: JSON.stringify({ query: op.document, variables, operationName: op.operationName }),
        signal,
        redirect: "error",
      });
      text = await res.text();
    } catch (err) {
      if (signal.aborted) throw new TimedOut(`no answer within ${timeoutMs} ms`, { cause: err });
      if (errorCodes(err).some((c) => REFUSED_OR_RESET.has(c))) throw new Refused("Stigg could not be reached", { cause: err });
      throw new Error("Stigg could not be reached", { cause: err });
    }
    if (res.status === 429 || res.status === 503) throw new Throttled(res.status, retryAfterMs(res.headers.get("retry-after")));
    if (res.status >= 500) throw new Error(`Stigg answered HTTP ${res.status}`);
    if (res.status === 401 || res.status === 403) throw new KeyRefused(`Stigg rejected the workspace's API key (HTTP ${res.status})`);
    const body = envelope.safeParse(parseJson(text));
    if (!body.success) throw new Error(`Stigg answered HTTP ${res.status} with no GraphQL response`);
    const { data, errors } = body.data;
    if (errors?.some((e) => REJECTED_KEY.test(e.extensions?.code ?? ""))) {
      throw new KeyRefused("Stigg rejected the workspace's API key");
    }
    if (errors?.length) {
      const what = errors.map((e) => `${e.extensions?.code ?? "ERROR"}: ${e.message}`).join("; ");
      throw new Error(`Stigg answered with errors: ${what}`);
    }
    if (!res.ok) throw new Error(`Stigg answered HTTP ${res.status}`);
    const parsed = op.data.safeParse(data);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Stigg's answer has an unexpected shape (${where})`);
    }
    return parsed.data;
  }

  /** The typed failure a read ends with, once no retry is left or worth it. */
  private failure(op: { operationName: string }, err: unknown): SourceUnavailableError {
    if (err instanceof Refused) return this.noAnswer(op, err.message, false, err);
    const reason = this.redact(err instanceof Error ? err.message : String(err));
    if (err instanceof KeyRefused) return new SourceKeyRejectedError(`Stigg ${op.operationName}: ${reason}`, { cause: err, source: "Stigg" });
    if (!(err instanceof Throttled)) return new SourceUnavailableError(`Stigg ${op.operationName}: ${reason}`, { cause: err });
    const asked = err.retryAfterMs === undefined ? "" : `; it asked to wait ${Math.ceil(err.retryAfterMs / 1000)} s`;
    const message = `Stigg ${op.operationName}: ${reason}${asked}`;
    const options = { cause: err, retryAfterMs: err.retryAfterMs, source: "Stigg" as const };
    return err.status === 429 ? new SourceRateLimitedError(message, options) : new SourceUnavailableError(message, options);
  }

  private noAnswer(op: { operationName: string }, why: string, timedOut: boolean, cause?: unknown): SourceNoAnswerError {
    return new SourceNoAnswerError(`Stigg ${op.operationName}: ${why}`, timedOut, {
      cause: cause instanceof Error ? cause.cause : undefined,
      source: "Stigg",
    });
  }

  /** Stigg's own messages are passed on; a key must not ride along if one ever echoes it. */
  private redact(message: string): string {
    return message.split(this.options.apiKey).join("[redacted]");
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
