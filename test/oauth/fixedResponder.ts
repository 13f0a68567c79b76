import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback server that answers every request the same way: for malformed or failing upstreams. */
export async function startFixedResponder(status: number, body: string, contentType = "application/json") {
  const server = createServer((_req, res) => res.writeHead(status, { "content-type": contentType }).end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback address nothing listens on: the port of a server that was just closed. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
