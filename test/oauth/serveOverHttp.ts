import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** Serves a Next route handler on a loopback port, so the app can reach it over real HTTP. */
export async function serveOverHttp(handler: (req: Request) => Promise<Response>) {
  const handle = { url: "", requests: 0, close: async () => {} };
  const server = createServer(async (req, res) => {
    handle.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await handler(
      new Request(`${handle.url}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  handle.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handle.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return handle;
}
