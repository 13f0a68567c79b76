import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDirectory, StoreLockedError } from "@/server/db/dirLock";

const fixture = path.resolve(import.meta.dirname, "fixtures/holdLock.ts");
const children: ChildProcess[] = [];

/** Another process taking the lock; resolves with its first line ("held <pid>" or "refused <pid>"). */
function holder(dir: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, dir], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once("data", (d: Buffer) => resolve({ child, line: d.toString().trim() }));
    child.once("exit", (code) => reject(new Error(`holder exited with ${code} before answering`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

const dirs: string[] = [];
function freshDir() {
  const parent = mkdtempSync(path.join(tmpdir(), "stigg-lock-test-"));
  dirs.push(parent);
  return path.join(parent, "pglite");
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the embedded database's lock", () => {
  it("refuses a second owner, naming the directory and the PID that holds it", async () => {
    const dir = freshDir();
    const { child, line } = await holder(dir);
    expect(line).toBe(`held ${child.pid}`);
    let refused: unknown;
    try {
      lockDirectory(dir);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(StoreLockedError);
    expect((refused as StoreLockedError).message).toContain(dir);
    expect((refused as StoreLockedError).message).toContain(`process ${child.pid}`);
  });

  it("is free again once the owner releases it", () => {
    const dir = freshDir();
    lockDirectory(dir).release();
    const again = lockDirectory(dir);
    expect(existsSync(again.path)).toBe(true);
    again.release();
    expect(existsSync(again.path)).toBe(false);
  });

  it("takes over a lock left by a process killed with SIGKILL", async () => {
    const dir = freshDir();
    const { child } = await holder(dir);
    await killed(child);
    expect(existsSync(`${dir}.lock`)).toBe(true);
    lockDirectory(dir).release();
  });

  it("takes over a lock whose owner was killed and is a zombie its parent never reaps", async () => {
    const dir = freshDir();
    // The holder's parent is `sleep`, which reaps no child.
    const parent = spawn("sh", ["-c", `"${process.execPath}" --import tsx "${fixture}" "${dir}" & exec sleep 60`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(parent);
    const line = await new Promise<string>((resolve) => parent.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim())));
    const pid = Number(/^held (\d+)$/.exec(line)?.[1]);
    process.kill(pid, "SIGKILL");
    while (!/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"))) await new Promise((r) => setTimeout(r, 20));
    lockDirectory(dir).release();
  });

  it("takes over a lock whose PID now belongs to another process", async () => {
    const dir = freshDir();
    const { child } = await holder(dir);
    await killed(child);
    // The dead owner's PID handed to a live process (this one): its start time differs.
    const lockPath = `${dir}.lock`;
    writeFileSync(lockPath, readFileSync(lockPath, "utf8").replace(`"pid":${child.pid}`, `"pid":${process.pid}`));
    expect(readFileSync(lockPath, "utf8")).toContain(`"pid":${process.pid}`);
    lockDirectory(dir).release();
  });

  it("gives a stale lock to exactly one of several processes starting at once", async () => {
    const dir = freshDir();
    const { child } = await holder(dir);
    await killed(child);
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => holder(dir)));
    const held = answers.filter((a) => a.line.startsWith("held"));
    expect(held).toHaveLength(1);
    for (const a of answers.filter((x) => x !== held[0])) expect(a.line).toBe(`refused ${held[0]!.child.pid}`);
  });
});
