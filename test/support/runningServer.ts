import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/*
 * The real server, as a user runs it: `npm start` (or `next start`) in its own process
 * group, on a free loopback port. Tests in test/server/ use it; they run one file at a
 * time (the "server" vitest project) after `npm test` has built the app.
 *
 * Stop it by process group: a signal to `npm start` alone reaches npm, not the `next`
 * grandchild that holds the port and the database.
 */

const root = path.resolve(import.meta.dirname, "../..");

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

/** A fresh directory for an embedded database; removed by the returned function. */
export function tempDataDir(prefix = "stigg-server-test-"): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (or signal) once the whole group is gone. */
  exited: Promise<number | string>;
  /** Signals the whole process group and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

export interface ServerOptions {
  /** `npm start` (the README's command) or `next start` on the existing build. */
  command?: "npm start" | "next start";
  /** Variables on top of a clean sandbox-mode environment. */
  env?: Record<string, string | undefined>;
  port?: number;
}

/** Starts the server; does not wait for it (see waitUntilServing). */
export async function spawnServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` before the server tests (npm test does).");
  }
  const port = options.port ?? (await freePort());
  const env: Record<string, string | undefined> = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
    STRIPE_APP_SECRET: undefined,
    STRIPE_APP_SECRET_PREVIOUS: undefined,
    DATABASE_URL: undefined,
    ...options.env,
  };
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  const [cmd, args]: [string, string[]] =
    (options.command ?? "npm start") === "npm start"
      ? ["npm", ["start", "--silent"]]
      : [process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"]];
  const child: ChildProcess = spawn(cmd, args, { cwd: root, env: childEnv as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d));
  child.stderr!.on("data", (d: Buffer) => (out += d));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => out,
    exited,
    async stop(signal = "SIGTERM") {
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
      const code = await exited;
      clearTimeout(timer);
      // The group may outlive its leader for a moment; make sure nothing keeps the port.
      signalGroup("SIGKILL");
      return code;
    },
  };
}

/** Resolves once `path` answers (any status), or rejects if the server exits or times out. */
export async function waitUntilServing(server: RunningServer, urlPath = "/", timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void server.exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server exited before serving:\n${server.output()}`);
    try {
      await fetch(server.url + urlPath, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`The server did not serve ${urlPath} within ${timeoutMs} ms:\n${server.output()}`);
}
