import { execFileSync } from "node:child_process";

/**
 * A port nobody listens on, found synchronously (Playwright reads its config
 * synchronously): a child process binds port 0 and reports what it got.
 */
export function freePort(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}
