import Stripe from "stripe";
import { PROCEDURE_BUDGET_MS } from "@/contract";
import { backoffDelay, retryAfterMs } from "../stigg/backoff";
import { SourceKeyRejectedError, SourceNoAnswerError, SourceRateLimitedError, SourceUnavailableError } from "../types";

export interface StripeReaderOptions {
  /** A restricted key (`rk_…`); sent as the bearer token, never put in an error or a log line. */
  apiKey: string;
  /** The API's base URL up to and including /v1; null or absent: Stripe's own. */
  apiUrl?: string | null;
  /** When the API request this reader serves must have answered (epoch ms); without one each read gets the budget. */
  deadline?: number;
  /** Pause before the one retry when Stripe gave no Retry-After (jittered). */
  retryDelayMs?: number;
  /** Jitter's source, [0, 1); tests pin it. */
  random?: () => number;
}

/** The per-call options every read gets: the time left, and no retry of the package's own. */
export type CallOptions = Stripe.RequestOptions;

const STRIPE_API = "https://api.stripe.com/v1";

/**
 * The `stripe` package's client for one key and base URL, with the package's own retries
 * off (`maxNetworkRetries: 0`: its backoff knows neither the request's deadline nor
 * Retry-After) and the timeout set per call to the time left. A base URL other than
 * Stripe's own (the sandbox stand-in under /dev/stripe/v1) is reached by prefixing the
 * path the package sends (always /v1/…).
 */
export function stripeClient(apiKey: string, apiUrl: string | null | undefined): Stripe {
  const url = new URL(apiUrl ?? STRIPE_API);
  if (!/\/v1\/?$/.test(url.pathname)) {
    throw new SourceUnavailableError(`Stripe API URL ${url.origin}${url.pathname} does not end in /v1`, { source: "Stripe" });
  }
  const prefix = url.pathname.replace(/\/v1\/?$/, "");
  const inner = Stripe.createNodeHttpClient();
  const httpClient: Stripe.HttpClient = {
    getClientName: () => inner.getClientName(),
    makeRequest: (host, port, path, ...rest) => inner.makeRequest(host, port, `${prefix}${path}`, ...rest),
  };
  return new Stripe(apiKey, {
    apiVersion: Stripe.API_VERSION as Stripe.LatestApiVersion,
    host: url.hostname,
    port: url.port || (url.protocol === "http:" ? 80 : 443),
    protocol: url.protocol === "http:" ? "http" : "https",
    httpClient,
    maxNetworkRetries: 0,
    timeout: PROCEDURE_BUDGET_MS,
    telemetry: false,
  });
}

/**
 * Reads Stripe for one request. Every read ends by the request's deadline, and tries again
 * at most once, as the Stigg reads do: on a 429 or an answer with `Stripe-Should-Retry:
 * true` (https://docs.stripe.com/error-low-level#idempotency), when the wait (its
 * Retry-After, else a short jittered pause) fits the time left; never after a timeout, and
 * never when Stripe says `Stripe-Should-Retry: false`. Every failure is a typed source
 * error naming the read, never the key.
 */
export class StripeReader {
  private readonly retryDelayMs: number;

  constructor(
    readonly client: Stripe,
    private readonly options: StripeReaderOptions,
  ) {
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  /** Like `read`, but an object Stripe no longer has (404 resource_missing: a deleted price or product) is null. */
  async readOrGone<T>(what: string, call: (options: CallOptions) => Promise<T>): Promise<T | null> {
    try {
      return await this.read(what, call);
    } catch (err) {
      if (err instanceof SourceUnavailableError && err.cause instanceof Stripe.errors.StripeInvalidRequestError && err.cause.statusCode === 404) return null;
      throw err;
    }
  }

  async read<T>(what: string, call: (options: CallOptions) => Promise<T>): Promise<T> {
    const deadline = this.options.deadline ?? Date.now() + PROCEDURE_BUDGET_MS;
    for (let attempt = 0; ; attempt++) {
      const left = Math.floor(deadline - Date.now());
      if (left <= 0) throw new SourceNoAnswerError(`Stripe ${what}: the request's time budget was used up before this read`, true, { source: "Stripe" });
      try {
        return await call({ timeout: left, maxNetworkRetries: 0 });
      } catch (err) {
        if (!(err instanceof Stripe.errors.StripeError)) throw this.failure(what, err);
        const wait = attempt === 0 ? this.retryWait(err) : undefined;
        if (wait === undefined || wait >= deadline - Date.now()) throw this.failure(what, err);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private retryWait(err: Stripe.errors.StripeError): number | undefined {
    const shouldRetry = header(err, "stripe-should-retry");
    if (shouldRetry === "false") return undefined;
    if (err.statusCode !== 429 && shouldRetry !== "true") return undefined;
    return (
      retryAfterMs(header(err, "retry-after") ?? null) ??
      backoffDelay(0, { baseMs: this.retryDelayMs, capMs: this.retryDelayMs, random: this.options.random })
    );
  }

  /** The typed failure a read ends with. */
  private failure(what: string, err: unknown): SourceUnavailableError {
    const source = "Stripe" as const;
    if (!(err instanceof Stripe.errors.StripeError)) {
      return new SourceUnavailableError(`Stripe ${what}: ${this.redact(err instanceof Error ? err.message : String(err))}`, { cause: err, source });
    }
    const reason = `${err.rawType ?? err.type}${err.code ? ` (${err.code})` : ""}${err.statusCode ? `, HTTP ${err.statusCode}` : ""}: ${this.redact(err.message)}`;
    const message = `Stripe ${what}: ${reason}`;
    if (err instanceof Stripe.errors.StripeConnectionError) {
      const timedOut = errorCode(err.detail) === Stripe.HttpClient.TIMEOUT_ERROR_CODE;
      return new SourceNoAnswerError(timedOut ? `Stripe ${what}: no answer in time` : message, timedOut, { source });
    }
    // 401: the key is unknown, expired or revoked; 403: it no longer has a permission the source needs.
    if (err.statusCode === 401 || err.statusCode === 403 || err instanceof Stripe.errors.StripePermissionError) {
      return new SourceKeyRejectedError(message, { source });
    }
    const retryAfter = retryAfterMs(header(err, "retry-after") ?? null);
    // The cause is Stripe's error object: its message is Stripe's, which masks keys.
    if (err.statusCode === 429) return new SourceRateLimitedError(message, { retryAfterMs: retryAfter, source, cause: err });
    return new SourceUnavailableError(message, { retryAfterMs: retryAfter, source, cause: err });
  }

  /** Stripe masks keys in its messages; a key must not ride along even if one ever did not. */
  private redact(message: string): string {
    return message.split(this.options.apiKey).join("[redacted]");
  }
}

function header(err: Stripe.errors.StripeError, name: string): string | undefined {
  const value = err.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorCode(err: unknown): string | undefined {
  return err && typeof err === "object" && "code" in err && typeof err.code === "string" ? err.code : undefined;
}
