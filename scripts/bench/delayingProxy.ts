// A loopback HTTP proxy that makes every call take a fixed time, so a stand-in on the same
// machine answers as a service across the internet would. The time runs from the request's
// arrival and includes the stand-in's own work: the stand-in shares the bench's process, one
// thread, where calls a real service would serve side by side wait for each other; adding a
// fixed delay on top would count that wait as the host's. A stand-in slower than the delay
// shows as such (its answer is passed on as soon as it is ready).
// It counts what it forwards: the number of upstream calls a scenario cost.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export async function startDelayingProxy(target: string, delayMs: number) {
  const upstream = new URL(target);
  let forwarded = 0;
  const server = createServer((req, res) => {
    const due = performance.now() + delayMs;
    forwarded++;
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => {
          setTimeout(() => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(chunks));
          }, Math.max(0, due - performance.now()));
        });
      },
    );
    out.on("error", () => res.writeHead(502).end());
    req.pipe(out);
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
