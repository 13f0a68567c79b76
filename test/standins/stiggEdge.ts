import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * What sits between the app and Stigg's GraphQL server, on a loopback port: a proxy in
 * front of the Stigg stand-in (test/standins/stigg.ts) that forwards every request to it
 * untouched, and can, for the next requests, one plan each:
 * - answer "too many requests" (429) or "unavailable" (503) first, with a Retry-After
 *   header (delay-seconds or an HTTP-date, RFC 9110 §10.2.3, or none) and a GraphQL error
 *   body, the way a rate limiting gateway does; the request is not forwarded, so the
 *   stand-in's count() shows only the requests that got through;
 * - hang: read the request and never answer;
 * - trickle: forward it, then send the answer's headers and its body a byte at a time,
 *   `trickleMs` apart, as a congested link does;
 * - delay: forward it after `delayMs` (an answer that comes late, but comes);
 * - reset: drop the connection without an answer;
 * - add latency to every forwarded answer: `latencyMs`, e.g. 50 ms for the benchmark's
 *   "Stigg over a network" (startStiggEdge(standIn.url, { latencyMs: 50 })).
 */

export interface StiggEdgeOptions {
  /** Delay before each forwarded request, in ms. */
  latencyMs?: number;
}

export type EdgePlan =
  | { status: 429 | 503; retryAfter?: string | null }
  | { hang: true }
  | { trickleMs: number }
  | { delayMs: number }
  | { reset: true };

export async function startStiggEdge(upstreamUrl: string, options: StiggEdgeOptions = {}) {
  const plans: EdgePlan[] = [];
  let limited = 0;
  const received: string[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    received.push(operationNameOf(body));
    const plan = plans.shift();
    if (plan && "status" in plan) {
      if (plan.status === 429) limited++;
      res.writeHead(plan.status, {
        "content-type": "application/json",
        ...(plan.retryAfter == null ? {} : { "retry-after": plan.retryAfter }),
      });
      const error = plan.status === 429 ? ["Too many requests", "TOO_MANY_REQUESTS"] : ["Service unavailable", "SERVICE_UNAVAILABLE"];
      return res.end(JSON.stringify({ errors: [{ message: error[0], extensions: { code: error[1] } }] }));
    }
    if (plan && "hang" in plan) return; // close() drops the connection
    if (plan && "reset" in plan) return req.socket.destroy();
    const delay = (plan && "delayMs" in plan ? plan.delayMs : 0) + (options.latencyMs ?? 0);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    let status = 502;
    let contentType = "application/json";
    let answer = Buffer.from(JSON.stringify({ message: "Bad gateway" }));
    try {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === "string" && !["host", "connection", "content-length"].includes(e[0]),
        ),
      );
      const upstream = await fetch(upstreamUrl, { method: req.method, headers, body: req.method === "GET" ? undefined : new Uint8Array(body) });
      [status, contentType, answer] = [upstream.status, upstream.headers.get("content-type") ?? contentType, Buffer.from(await upstream.arrayBuffer())];
    } catch {
      // The 502 above.
    }
    if (plan && "trickleMs" in plan) return trickle(res, status, contentType, answer, plan.trickleMs);
    res.writeHead(status, { "content-type": contentType }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    /** The next requests go as planned, one plan per request, in order. */
    planNext: (...next: EdgePlan[]) => void plans.push(...next),
    /** The next requests get a 429, one per entry: its Retry-After value, or null for none. */
    rateLimitNext: (...retryAfter: (string | null)[]) => void plans.push(...retryAfter.map((r) => ({ status: 429 as const, retryAfter: r }))),
    /** Drops the plans still queued. */
    clearRateLimits: () => void plans.splice(0),
    /** 429s answered so far. */
    limited: () => limited,
    /** Requests (of one operation, if named) that reached the edge so far, whatever became of them. */
    received: (operationName?: string) => received.filter((name) => operationName === undefined || name === operationName).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type StiggEdge = Awaited<ReturnType<typeof startStiggEdge>>;

/** The answer's headers at once (with its full length), then its body a byte at a time. */
function trickle(res: ServerResponse, status: number, contentType: string, body: Buffer, everyMs: number) {
  res.writeHead(status, { "content-type": contentType, "content-length": body.length });
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent >= body.length) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write(body.subarray(sent, sent + 1));
    sent++;
  }, everyMs);
  res.on("close", () => clearInterval(timer));
}

function operationNameOf(body: Buffer): string {
  try {
    return String((JSON.parse(body.toString("utf8")) as { operationName?: unknown }).operationName ?? "");
  } catch {
    return "";
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
