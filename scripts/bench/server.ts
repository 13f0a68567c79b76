// The production server as `npm start` runs it (`next start` on the build, its V8 options), on loopback,
// with its log lines going to a file the bench reads afterwards (the host's own timings).
import { type ChildProcess, spawn } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { serverNodeOptions } from "../serverFlags.mjs";
import { root } from "./root";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** RSS of a process and its descendants, in MB. */
export function treeRssMb(pid: number): number {
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
    stack.push(...children(p));
  }
  return kb / 1024;
}

export interface BenchServer {
  url: string;
  logFile: string;
  rssMb(): number;
  stop(): Promise<void>;
}

export async function startServer(options: {
  env: Record<string, string>;
  logFile: string;
  /** Node's own flags for the server (the profiler's `--cpu-prof`). */
  nodeArgs?: string[];
}): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const k of ["STRIPE_APP_SECRET", "STRIPE_APP_SECRET_PREVIOUS", "DATABASE_URL", "PGLITE_DIR", "LOG_LEVEL"]) delete env[k];
  Object.assign(env, { NEXT_TELEMETRY_DISABLED: "1", PUBLIC_URL: url, NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions() }, options.env);
  const log = openSync(options.logFile, "w");
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"],
    { cwd: root, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", log, log] },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone) throw new Error(`the server exited before serving:\n${readFileSync(options.logFile, "utf8")}`);
    if (Date.now() > deadline) throw new Error("the server did not start within 120 s");
    try {
      // Unsigned: a 401 from the API means the route and the store are up.
      const res = await fetch(`${url}/api/trpc/getCustomer`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 401) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  return {
    url,
    logFile: options.logFile,
    rssMb: () => treeRssMb(child.pid!),
    async stop() {
      group("SIGTERM");
      const timer = setTimeout(() => group("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
