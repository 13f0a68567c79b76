import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";

// What every answer carries, including those Next or Node write without our routes:
// static files, the image optimizer, 405, 431 and Node's own 400s.

/** Raw bytes on a socket, for what no HTTP client sends; the answer's status and headers. */
function rawExchange(server: RunningServer, request: string): Promise<{ status: number; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1", () => socket.write(request));
    let text = "";
    const done = () => {
      const end = text.indexOf("\r\n\r\n");
      const lines = text.slice(0, end < 0 ? text.length : end).split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(":");
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "")?.[1] ?? 0), headers });
    };
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => {
      text += d;
      if (text.includes("\r\n\r\n")) done();
    });
    socket.on("end", done);
    socket.on("error", reject);
  });
}

describe("on plain http", () => {
  const data = tempDataDir();
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer({ command: "next start", env: { PGLITE_DIR: `${data.dir}/pglite` } });
    await waitUntilServing(server, "/");
  });
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  const hostLine = () => `Host: 127.0.0.1:${server.port}`;

  it("a static chunk and the image optimizer's answer carry nosniff and a correlation id", async () => {
    const html = await (await fetch(`${server.url}/connect`)).text();
    const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(chunk).toBeDefined();
    for (const path of [chunk!, "/_next/image?url=%2Fmissing.png&w=64&q=75"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-correlation-id"), path).toMatch(/\S{8,}/);
    }
  });

  it("405 to TRACE carries nosniff and a correlation id", async () => {
    const res = await rawExchange(server, `TRACE / HTTP/1.1\r\n${hostLine()}\r\n\r\n`);
    expect(res.status).toBe(405);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-correlation-id"]).toMatch(/\S{8,}/);
  });

  it("Node's 431 to oversized headers carries nosniff and a correlation id", async () => {
    const res = await rawExchange(server, `GET / HTTP/1.1\r\n${hostLine()}\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-correlation-id"]).toMatch(/\S{8,}/);
  });

  it("Node's 400 to a malformed request carries nosniff and a correlation id", async () => {
    const res = await rawExchange(server, `GET / HTTP/1.1\r\n${hostLine()}\r\nBad Header Line\r\n\r\n`);
    expect(res.status).toBe(400);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-correlation-id"]).toMatch(/\S{8,}/);
  });

  it("duplicate Stripe-Account-Id headers without a Host get a 400 with a correlation id", async () => {
    // What Node's own client sends when given headers as a list of pairs: no Host.
    const res = await rawExchange(
      server,
      "GET /api/trpc/getLinks HTTP/1.1\r\nStripe-User-Id: usr_X\r\nStripe-Account-Id: acct_DemoLinked\r\nStripe-Account-Id: acct_DemoLinked\r\n\r\n",
    );
    expect(res.status).toBe(400);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-correlation-id"]).toMatch(/\S{8,}/);
  });

  it("no page or API answer claims HSTS on plain http", async () => {
    expect((await fetch(`${server.url}/connect`)).headers.get("strict-transport-security")).toBeNull();
  });

  it("a 4xx from Next's own routing (404) carries a correlation id", async () => {
    const res = await fetch(`${server.url}/no-such-page`);
    expect(res.status).toBe(404);
    expect(res.headers.get("x-correlation-id")).toMatch(/\S{8,}/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("with an https PUBLIC_URL", () => {
  const data = tempDataDir();
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer({
      command: "next start",
      env: { PGLITE_DIR: `${data.dir}/pglite`, PUBLIC_URL: "https://stigg-app.example" },
    });
    await waitUntilServing(server, "/api/health");
  });
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it("every answer carries HSTS: a page, the API, a static file's 404 and Node's 431", async () => {
    for (const path of ["/connect", "/api/health", "/api/trpc/getLinks", "/_next/static/missing.js"]) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(res.headers.get("strict-transport-security"), path).toMatch(/^max-age=\d{7,}/);
    }
    const big = await rawExchange(server, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(40_000)}\r\n\r\n`);
    expect(big.status).toBe(431);
    expect(big.headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  });
});
