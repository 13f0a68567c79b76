import { spawn } from "node:child_process";
import { root } from "./root";

/** Runs a command from the project root and returns its output; a failure is reported, not thrown. */
export function runOutput(command: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d));
    child.stderr.on("data", (d: Buffer) => (output += d));
    child.on("error", (err) => resolve({ ok: false, output: String(err) }));
    child.on("exit", (code) => resolve({ ok: code === 0, output }));
  });
}
