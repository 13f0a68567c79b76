import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { STATUS_CODES } from "node:http";
import type { BodyCap } from "./bodyCaps";

/**
 * A body cap kept before Next reads a byte. Next's proxy buffers a request's body for
 * itself before any route runs, so a cap inside a route acts only after the whole body
 * has arrived. Here, on the Node request:
 * - a declared Content-Length over the cap is refused at once;
 * - a chunked body is held back from Next until it ends within the cap (then Next gets
 *   it whole, with its length), and refused as soon as it passes the cap.
 * A refusal stops reading the socket, answers 413 and closes; what the parser still
 * hands over from the read in progress is counted and dropped. The socket is left open
 * (not read) a moment so the client can read the answer before the connection goes.
 */

const LINGER_MS = 2_000;

export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface BodyGuard {
  cap: BodyCap;
  /** Let the request go on to Next. */
  pass(): void;
  /** The 413 to write. */
  refusal(): Refusal;
  /** Called once the connection is gone, with the body bytes the server read in all. */
  refused(bodyBytesRead: number): void;
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** Raw on the socket: a ServerResponse would, once finished, resume reading to drain the body. */
function refuse(req: IncomingMessage, guard: BodyGuard, alreadyRead: number): void {
  const socket: Socket = req.socket;
  let read = alreadyRead;
  req.push = (chunk: unknown) => {
    if (chunk) read += (chunk as Buffer).length;
    return false;
  };
  socket.pause();
  const { status, headers, body } = guard.refusal();
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`];
  const all = { ...headers, "Content-Length": String(Buffer.byteLength(body)), Connection: "close" };
  for (const [name, value] of Object.entries(all)) lines.push(`${name}: ${value}`);
  socket.end(`${lines.join("\r\n")}\r\n\r\n${body}`);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => {
    clearTimeout(timer);
    guard.refused(read);
  });
}

/** Passes the request on, refuses it, or holds it until its chunked body is read within the cap. */
export function guardBody(req: IncomingMessage, guard: BodyGuard): void {
  if (!hasBody(req)) return guard.pass();
  const declared = req.headers["content-length"];
  // Node's parser has checked the value; with a length, it reads no more than that.
  if (declared !== undefined) return Number(declared) > guard.cap.bytes ? refuse(req, guard, 0) : guard.pass();
  const chunks: Buffer[] = [];
  let total = 0;
  const push = req.push;
  req.push = (chunk: unknown) => {
    if (chunk === null) {
      req.push = push;
      req.headers["content-length"] = String(total);
      delete req.headers["transfer-encoding"];
      req.push(Buffer.concat(chunks));
      req.push(null);
      guard.pass();
      return false;
    }
    const bytes = chunk as Buffer;
    total += bytes.length;
    if (total > guard.cap.bytes) {
      refuse(req, guard, total);
      return false;
    }
    chunks.push(bytes);
    return true;
  };
}
