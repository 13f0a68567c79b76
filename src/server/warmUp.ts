import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Loads what the first read of an outside source would otherwise load while a user waits:
 * Node's fetch (undici, its HTTP parser) is compiled on its first use. One request to a
 * loopback server of its own, then closed: nothing leaves the machine, no workspace is read.
 */
export async function warmUpFetch(): Promise<void> {
  const server = createServer((_req, res) => res.end("{}"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(5_000),
    });
    await res.json();
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
