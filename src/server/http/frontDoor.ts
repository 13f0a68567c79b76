import { type IncomingMessage, Server, type ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "./clientAddress";

/**
 * What every request meets before Next: a TRACE (or TRACK) is answered 405 here, since
 * Next's request adapter throws on it and the client would see a 500; and the client's
 * address is written into CLIENT_ADDRESS_HEADER, replacing any value the client sent.
 * Next creates its HTTP server before instrumentation runs, hence the prototype's emit
 * rather than a listener of our own.
 */
const INSTALLED = Symbol.for("stigg.frontDoor");

export function installFrontDoor(trustProxy: boolean): void {
  const proto = Server.prototype as Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (req.method === "TRACE" || req.method === "TRACK") {
        res.writeHead(405, { Allow: "GET, HEAD, POST, OPTIONS", "Content-Type": "text/plain" }).end("Method Not Allowed");
        return true;
      }
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, trustProxy);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}
