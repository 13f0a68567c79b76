import { randomUUID } from "node:crypto";
import { connect } from "node:net";
import type { RunningServer } from "../../support/runningServer";

/** What the server answered to a body it may not have wanted, and how much the client got out. */
export interface BodyAnswer {
  /** 0 when no answer came within the ceiling. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Body bytes the client handed to its socket (the kernel's buffers included). */
  written: number;
  correlationId: string;
}

const CHUNK = Buffer.alloc(64 * 1024, "a");

/**
 * Sends `total` body bytes (at most) in 64 KiB writes, declared with a Content-Length of
 * `declared` or chunked when that is undefined, and stops as soon as an answer arrives or
 * the server closes. A raw socket: fetch would neither lie about the length nor stop early.
 */
export function sendBody(
  server: RunningServer,
  path: string,
  headers: Record<string, string>,
  options: { total: number; declared?: number; ceilingMs?: number },
): Promise<BodyAnswer> {
  const correlationId = `test-${randomUUID()}`;
  const head = [
    `POST ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${server.port}`,
    `X-Correlation-Id: ${correlationId}`,
    options.declared === undefined ? "Transfer-Encoding: chunked" : `Content-Length: ${options.declared}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ].join("\r\n");
  const chunked = options.declared === undefined;
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let written = 0;
    let done = false;
    let wake: (() => void) | undefined;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(ceiling);
      wake?.();
      socket.destroy();
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      const lines = (end < 0 ? "" : text.slice(0, end)).split("\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? "")?.[1] ?? 0);
      const parsed: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(":");
        if (i > 0) parsed[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status, headers: parsed, body: end < 0 ? "" : text.slice(end + 4), written, correlationId });
    };
    const answered = () => {
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return false;
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end + 2))?.[1];
      if (length !== undefined) return received.length >= end + 4 + Number(length);
      return text.endsWith("0\r\n\r\n");
    };
    const ceiling = setTimeout(finish, options.ceilingMs ?? 30_000);
    socket.on("data", (d: Buffer) => {
      received = Buffer.concat([received, d]);
      if (answered()) finish();
    });
    socket.on("close", finish);
    socket.on("error", () => {});
    socket.on("drain", () => wake?.());
    socket.once("connect", async () => {
      socket.write(`${head}\r\n\r\n`);
      while (!done && written < options.total) {
        const frame = chunked ? Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from("\r\n")]) : CHUNK;
        written += CHUNK.length;
        if (!socket.write(frame)) await new Promise<void>((r) => (wake = r));
      }
      if (!done && chunked) socket.write("0\r\n\r\n");
    });
  });
}

/** The server's log line for a body refused at the door, by the request's correlation id. */
export async function refusalLogLine(server: RunningServer, correlationId: string, ms = 15_000): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    for (const line of server.output().split("\n")) {
      if (!line.includes(correlationId) || !line.includes("http.body_too_large")) continue;
      return JSON.parse(line) as Record<string, unknown>;
    }
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 100));
  }
}
