import { z } from "zod";
import { SourceUnavailableError } from "../types";
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
  /** First pause between attempts; doubles each time. */
  retryDelayMs?: number;
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
class Transient extends Error {}

/**
 * Sends read-only operations to Stigg's GraphQL API: POST {query, variables,
 * operationName} with the X-API-KEY header, as Stigg documents. Every failure becomes a
 * SourceUnavailableError naming the operation and what went wrong, never the key.
 */
export class StiggGraphqlClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: StiggClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 250;
  }

  async request<V, D>(op: Operation<V, D>, variables: V): Promise<D> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(op, variables);
      } catch (err) {
        if (!(err instanceof Transient) || attempt >= this.retries) throw this.unavailable(op, err);
        await new Promise((r) => setTimeout(r, this.retryDelayMs * 2 ** attempt));
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
    if (res.status >= 500) throw new Transient(`Stigg answered HTTP ${res.status}`);
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
    // Stigg's own messages are passed on; a key must not ride along if one ever echoes it.
    const safe = reason.split(this.options.apiKey).join("[redacted]");
    return new SourceUnavailableError(`Stigg ${op.operationName}: ${safe}`, {
      cause: err instanceof Transient ? err.cause : undefined,
    });
  }
}
