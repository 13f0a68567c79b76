import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * What sits between the app and Stigg's GraphQL server, on a loopback port: a proxy in
 * front of the Stigg stand-in (test/standins/stigg.ts) that forwards every request to it
 * untouched, and can
 * - answer "too many requests" first: HTTP 429 with a Retry-After header (delay-seconds or
 *   an HTTP-date, RFC 9110 §10.2.3, or none) and a GraphQL error body, the way a rate
 *   limiting gateway does; the request is not forwarded, so the stand-in's count() shows
 *   only the requests that got through;
 * - add latency: every forwarded answer waits `latencyMs` first, e.g. 50 ms for the
 *   benchmark's "Stigg over a network" (startStiggEdge(standIn.url, { latencyMs: 50 })).
 */

export interface StiggEdgeOptions {
  /** Delay before each forwarded request, in ms. */
  latencyMs?: number;
}

export async function startStiggEdge(upstreamUrl: string, options: StiggEdgeOptions = {}) {
  const rateLimits: (string | null)[] = [];
  let limited = 0;
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (rateLimits.length) {
      const retryAfter = rateLimits.shift()!;
      limited++;
      res.writeHead(429, {
        "content-type": "application/json",
        ...(retryAfter === null ? {} : { "retry-after": retryAfter }),
      });
      return res.end(JSON.stringify({ errors: [{ message: "Too many requests", extensions: { code: "TOO_MANY_REQUESTS" } }] }));
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    try {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === "string" && !["host", "connection", "content-length"].includes(e[0]),
        ),
      );
      const upstream = await fetch(upstreamUrl, { method: req.method, headers, body: req.method === "GET" ? undefined : new Uint8Array(body) });
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ message: "Bad gateway" }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    /** The next requests get a 429, one per entry: its Retry-After value, or null for none. */
    rateLimitNext: (...retryAfter: (string | null)[]) => rateLimits.push(...retryAfter),
    /** Drops the 429s still queued. */
    clearRateLimits: () => void rateLimits.splice(0),
    /** 429s answered so far. */
    limited: () => limited,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type StiggEdge = Awaited<ReturnType<typeof startStiggEdge>>;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
