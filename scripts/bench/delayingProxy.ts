// A loopback HTTP proxy that holds every request for a fixed time before passing it on,
// so a stand-in on the same machine answers as slowly as a service across the internet.
// It counts what it forwards: the number of upstream calls a scenario cost.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export async function startDelayingProxy(target: string, delayMs: number) {
  const upstream = new URL(target);
  let forwarded = 0;
  const server = createServer((req, res) => {
    setTimeout(() => {
      forwarded++;
      const out = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on("error", () => res.writeHead(502).end());
      req.pipe(out);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    forwarded: () => forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
