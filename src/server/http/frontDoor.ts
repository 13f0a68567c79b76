import { type IncomingMessage, Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { CORRELATION_HEADER } from "@/contract";
import { CORRELATION_REQUEST_HEADER, correlationIdOf } from "../log/correlation";
import { logger } from "../log/logger";
import { guardBody } from "./bodyAtTheDoor";
import { bodyCapFor } from "./bodyCaps";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "./clientAddress";
import { answerClientError } from "./nodeErrors";
import { everyResponseHeaders } from "./securityHeaders";

/**
 * What every request meets before Next:
 * - the headers every answer carries (nosniff, HSTS behind https, a correlation id, which
 *   is also written into the request so the routes log and answer the same one);
 * - a TRACE (or TRACK) answered 405 here, since Next's request adapter throws on it and
 *   the client would see a 500;
 * - an HTTP/1.1 request without Host answered 400 here rather than bare by Node;
 * - the client's address written into CLIENT_ADDRESS_HEADER, replacing any value the client sent;
 * - the body caps (bodyAtTheDoor.ts);
 * - Node's own refusals (`clientError`: 400, 408, 431) with the same headers.
 * Next creates its HTTP server before instrumentation runs, hence the prototype's emit
 * rather than a listener of our own.
 */
const INSTALLED = Symbol.for("stigg.frontDoor");

export interface FrontDoorOptions {
  trustProxy: boolean;
  publicUrl: string;
}

function payloadTooLargeBody(api: boolean, bytes: number, correlationId: string): string {
  const message = `The request body is larger than ${bytes} bytes.`;
  if (!api) return JSON.stringify({ error: message, correlationId });
  const data = { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, correlationId };
  return JSON.stringify({ error: { message, code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE, data } });
}

export function installFrontDoor({ trustProxy, publicUrl }: FrontDoorOptions): void {
  const proto = Server.prototype as Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const common = everyResponseHeaders(publicUrl);
  const emit = proto.emit;
  const toNext = (server: Server, req: IncomingMessage, res: ServerResponse) =>
    emit.apply(server, ["request", req, res] as unknown as Parameters<typeof emit>);

  function onRequest(server: Server, req: IncomingMessage, res: ServerResponse): void {
    const correlationId = correlationIdOf(req.headers[CORRELATION_REQUEST_HEADER] as string | undefined);
    req.headers[CORRELATION_REQUEST_HEADER] = correlationId;
    for (const [name, value] of Object.entries(common)) res.setHeader(name, value);
    res.setHeader(CORRELATION_HEADER, correlationId);
    if (req.method === "TRACE" || req.method === "TRACK") {
      res.writeHead(405, { Allow: "GET, HEAD, POST, OPTIONS", "Content-Type": "text/plain" }).end("Method Not Allowed");
      return;
    }
    if (req.httpVersion === "1.1" && req.headers.host === undefined) {
      res.writeHead(400, { Connection: "close", "Content-Type": "text/plain" }).end("Bad Request: a Host header is required.");
      return;
    }
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, trustProxy);
    const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
    const cap = bodyCapFor(pathname);
    guardBody(req, {
      cap,
      pass: () => toNext(server, req, res),
      refusal: () => ({
        status: 413,
        headers: {
          ...common,
          [CORRELATION_HEADER]: correlationId,
          "Content-Type": "application/json",
          "Cache-Control": "no-store",
          ...(cap.api ? { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": CORRELATION_HEADER } : {}),
        },
        body: payloadTooLargeBody(cap.api, cap.bytes, correlationId),
      }),
      refused: (bodyBytesRead) =>
        logger().warn(
          { correlationId, event: "http.body_too_large", path: pathname, capBytes: cap.bytes, bodyBytesRead },
          "request body over the cap refused before it was read",
        ),
    });
  }

  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "connection") {
      // Answered by onRequest with this host's headers rather than bare by Node.
      (this as Server & { requireHostHeader: boolean }).requireHostHeader = false;
    } else if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      onRequest(this, req, res);
      return true;
    } else if (event === "clientError") {
      const [err, socket] = args as [NodeJS.ErrnoException, Socket];
      const correlationId = correlationIdOf(undefined);
      const status = answerClientError(err, socket, { ...common, [CORRELATION_HEADER]: correlationId });
      if (status !== undefined) logger().warn({ correlationId, event: "http.client_error", status, code: err.code }, "request refused by Node");
      return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}
