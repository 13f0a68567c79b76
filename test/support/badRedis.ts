import { type ChildProcess, spawn } from "node:child_process";
import { createConnection, createServer, type Socket } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./runningServer";

/*
 * Redis servers that stop answering, for the tests of every Redis use's bounds. Each is a
 * redis-server of the test's own on a free loopback port (never the machine's Redis):
 * stopped with SIGSTOP (the kernel still accepts and buffers), behind a proxy that
 * swallows the bytes both ways, or a port where nothing listens.
 */

export interface OwnRedis {
  url: string;
  port: number;
  /** SIGSTOP: connections stay open, nothing is answered. */
  pause(): void;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "stigg-redis-test-"));
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: "ignore" },
  );
  const url = `redis://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGCONT");
      child.kill("SIGKILL");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Up once it answers PING.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
    probe.on("error", () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === "PONG") break;
    } catch (err) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`redis-server on port ${port} did not answer: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      probe.disconnect();
    }
  }
  return { url, port, pause: () => void child.kill("SIGSTOP"), stop };
}

export interface SwallowingProxy {
  url: string;
  /** From now on, bytes are read and dropped both ways on every connection, new ones too. */
  swallow(): void;
  close(): Promise<void>;
}

/** A loopback TCP proxy to `upstreamPort` that forwards until told to swallow. */
export async function swallowingProxy(upstreamPort: number): Promise<SwallowingProxy> {
  let swallowing = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(upstreamPort, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    client.on("data", (d) => void (swallowing || upstream.write(d)));
    upstream.on("data", (d) => void (swallowing || client.write(d)));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    swallow: () => void (swallowing = true),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A Redis URL where nothing listens: connections are refused. */
export async function refusingRedisUrl(): Promise<string> {
  return `redis://127.0.0.1:${await freePort()}`;
}
