import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";

/** Node's own error answers (a malformed request, headers too large, a request that never finished). */
const STATUS_BY_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/**
 * Answers what Node refuses before any request exists (Node's `clientError`), as Node
 * would, with the headers every answer of this host carries. Nothing is written when the
 * client is gone or an answer is already under way on the socket.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket, headers: Record<string, string>): number | undefined {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return undefined;
  }
  const status = STATUS_BY_CODE[err.code ?? ""] ?? 400;
  const body = `${STATUS_CODES[status]}\n`;
  const all = {
    ...headers,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
  };
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, ...Object.entries(all).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
  return status;
}
