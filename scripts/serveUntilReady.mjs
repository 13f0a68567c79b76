// `next start` prints "Ready" once it listens, before the app's own start-up (the store's
// lock, the configuration check) may refuse and end the process. This runs it with its
// output passed through, except that a "Ready" line is held back until the host answers
// its health check: a refused start never says "Ready".
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const POLL_MS = 250;

/** Resolves when the server exits with 0, rejects with its exit code or signal otherwise. */
export function serveUntilReady(command, args, { env, cwd, healthUrl }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["inherit", "pipe", "inherit"] });
    let exited = false;
    const held = [];
    let answering = false;
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      if (!answering && /\bReady\b/.test(line)) held.push(line);
      else process.stdout.write(`${line}\n`);
    });
    const poll = async () => {
      while (!exited && !answering) {
        try {
          // Any answer (200, or 503 while PostgreSQL comes up) is the app serving.
          await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
          answering = true;
          for (const line of held.splice(0)) process.stdout.write(`${line}\n`);
        } catch {
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
      }
    };
    void poll();
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      exited = true;
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal}`));
    });
  });
}
