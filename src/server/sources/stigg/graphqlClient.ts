import { z } from "zod";
import { SourceRateLimitedError, SourceUnavailableError } from "../types";
import { backoffDelay, retryAfterMs } from "./backoff";
import type { Operation } from "./queries";

export interface StiggClientOptions {
  /** Stigg's GraphQL endpoint (STIGG_API_URL or the workspace's own). */
  apiUrl: string;
  /** A server key; sent as X-API-KEY and never put in an error or a log line. */
  apiKey: string;
  /** Per attempt: a read that hangs must not hold the drawer longer than this. */
  timeoutMs?: number;
  /** Extra attempts after a network failure or a 5xx; every operation here is a read. */
  retries?: number;
  /** First pause between attempts (jittered); doubles each time. */
  retryDelayMs?: number;
  /**
   * The most one read waits between its attempts, in total. A 429 is retried (after its
   * Retry-After, or the backoff) while the wait fits; past it the read fails as rate limited.
   */
  waitBudgetMs?: number;
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

/** A failure worth another attempt: the request may never have reached Stigg's resolvers. */
class Transient extends Error {
  constructor(
    message: string,
    options?: { cause?: unknown },
    /** The server's Retry-After, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message, options);
  }
}

/** Stigg said "too many requests" (HTTP 429). */
class RateLimited extends Transient {}

/** However short the Retry-After, a read gives up after this many attempts. */
const MAX_ATTEMPTS = 10;

/**
 * Sends read-only operations to Stigg's GraphQL API: POST {query, variables,
 * operationName} with the X-API-KEY header, as Stigg documents. Every failure becomes a
 * SourceUnavailableError naming the operation and what went wrong, never the key.
 */
export class StiggGraphqlClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly waitBudgetMs: number;

  constructor(private readonly options: StiggClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.waitBudgetMs = options.waitBudgetMs ?? 2_000;
  }

  async request<V, D>(op: Operation<V, D>, variables: V): Promise<D> {
    let waited = 0;
    let failures = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(op, variables);
      } catch (err) {
        if (!(err instanceof Transient)) throw this.unavailable(op, err);
        const limited = err instanceof RateLimited;
        // 429s are bounded by the wait budget only; other faults also by `retries`.
        if (!limited && ++failures > this.retries) throw this.unavailable(op, err);
        const wait =
          err.retryAfterMs ??
          backoffDelay(attempt, { baseMs: this.retryDelayMs, capMs: this.waitBudgetMs, random: this.options.random });
        if (waited + wait > this.waitBudgetMs || attempt + 1 >= MAX_ATTEMPTS) {
          throw limited ? this.rateLimited(op, err, waited) : this.unavailable(op, err);
        }
        waited += wait;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private async once<V, D>(op: Operation<V, D>, variables: V): Promise<D> {
    let res: Response;
    try {
      res = await fetch(this.options.apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "x-api-key": this.options.apiKey },
        body: JSON.stringify({ query: op.document, variables, operationName: op.operationName }),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "error",
      });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === "TimeoutError";
      throw new Transient(timedOut ? `no answer within ${this.timeoutMs} ms` : "Stigg could not be reached", {
        cause: err,
      });
    }
    if (res.status === 429 || res.status >= 500) {
      // The body says nothing more; read it away so the connection can be reused.
      await res.arrayBuffer().catch(() => undefined);
      const retryAfter = retryAfterMs(res.headers.get("retry-after"));
      if (res.status === 429) throw new RateLimited("Stigg answered HTTP 429 (too many requests)", undefined, retryAfter);
      throw new Transient(`Stigg answered HTTP ${res.status}`, undefined, retryAfter);
    }
    if (res.status === 401 || res.status === 403) throw new Error(`Stigg rejected the workspace's API key (HTTP ${res.status})`);
    const body = envelope.safeParse(await res.json().catch(() => undefined));
    if (!body.success) throw new Error(`Stigg answered HTTP ${res.status} with no GraphQL response`);
    const { data, errors } = body.data;
    if (errors?.some((e) => REJECTED_KEY.test(e.extensions?.code ?? ""))) {
      throw new Error("Stigg rejected the workspace's API key");
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

  private unavailable(op: { operationName: string }, err: unknown): SourceUnavailableError {
    const reason = err instanceof Error ? err.message : String(err);
    return new SourceUnavailableError(`Stigg ${op.operationName}: ${this.redact(reason)}`, {
      cause: err instanceof Transient ? err.cause : undefined,
    });
  }

  private rateLimited(op: { operationName: string }, err: RateLimited, waitedMs: number): SourceRateLimitedError {
    const asked = err.retryAfterMs === undefined ? "" : `; it asked to wait ${Math.ceil(err.retryAfterMs / 1000)} s`;
    return new SourceRateLimitedError(
      `Stigg ${op.operationName}: rate limited by Stigg (HTTP 429) after waiting ${waitedMs} ms of the ` +
        `${this.waitBudgetMs} ms a read may wait${asked}. Try again shortly.`,
    );
  }

  /** Stigg's own messages are passed on; a key must not ride along if one ever echoes it. */
  private redact(message: string): string {
    return message.split(this.options.apiKey).join("[redacted]");
  }
}
