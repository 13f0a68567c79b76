import type { IncomingMessage } from "node:http";

/**
 * The client's address, as this host decides it, on every request. Next passes a client's
 * own X-Forwarded-For through untouched and gives pages and server actions no socket, so
 * without this a client could name any address it likes (and dodge a per-client limit).
 */
export const CLIENT_ADDRESS_HEADER = "x-stigg-client-address";

/** Behind a trusted reverse proxy, the hop it appended last; otherwise the socket's peer. */
export function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}
