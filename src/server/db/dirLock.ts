import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";

/*
 * One owner for the embedded database directory. PGlite has no lock of its own: two
 * processes on one directory each keep their own view and overwrite each other's files.
 *
 * The lock is a file beside the directory holding the owner's PID, its start time and the
 * boot id, published atomically (written aside, then hard-linked into place). Whether the
 * owner is alive (and not a zombie) is asked of the kernel, never inferred from a
 * heartbeat: PGlite runs synchronous WASM that can stall the event loop for seconds, and a
 * heartbeat lock would then hand the directory to a second process. A lock left by `kill -9` is stale once its
 * PID is gone or belongs to another process (start time or boot id differ), and is taken
 * over under a short-lived takeover file so that two starters never both remove it.
 */

export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database ${dir} is in use by process ${pid}. ` +
        "Only one process may open it: stop that process first, or point PGLITE_DIR at another directory.",
    );
    this.name = "StoreLockedError";
  }
}

interface Owner {
  pid: number;
  /** Process start time in clock ticks since boot (Linux), to tell a reused PID apart. */
  startTime: string | null;
  bootId: string | null;
}

const TAKEOVER_STALE_MS = 10_000;

function readOr<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** State and start time of a process (Linux); null where /proc is not there. */
function processStat(pid: number | "self"): { state: string; startTime: string } | null {
  return readOr(() => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields 3 and 22; the command name (field 2) may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", startTime: fields[19] ?? "" };
  }, null);
}

const bootId = (): string | null => readOr(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim(), null);

function self(): Owner {
  return { pid: process.pid, startTime: processStat("self")?.startTime ?? null, bootId: bootId() };
}

function readOwner(lockPath: string): Owner | "none" | "corrupt" {
  let raw: string;
  try {
    raw = readFileSync(lockPath, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "none";
    throw err;
  }
  try {
    const o = JSON.parse(raw) as Owner;
    return Number.isInteger(o.pid) && o.pid > 0 ? o : "corrupt";
  } catch {
    return "corrupt";
  }
}

function isAlive(owner: Owner): boolean {
  if (owner.bootId && bootId() && owner.bootId !== bootId()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = processStat(owner.pid);
  if (!now) return true;
  // A killed process stays a zombie until its parent reaps it: it holds nothing.
  if (now.state === "Z" || now.state === "X") return false;
  return !(owner.startTime && owner.startTime !== now.startTime);
}

const sameOwner = (a: Owner | string, b: Owner | string) => JSON.stringify(a) === JSON.stringify(b);

/** Publishes `owner` at `lockPath` only if no lock is there; the content is complete when visible. */
function tryCreate(lockPath: string, owner: Owner): boolean {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(aside, JSON.stringify(owner));
  try {
    linkSync(aside, lockPath);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    unlinkSync(aside);
  }
}

/** Removes `stale` if it is still the lock, holding the takeover file meanwhile. */
function removeStale(lockPath: string, stale: Owner | "corrupt"): void {
  const takeover = `${lockPath}.takeover`;
  let fd: number;
  try {
    fd = openSync(takeover, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    // Held for a few synchronous file operations only; an old one was left by a crash.
    const age = readOr(() => Date.now() - statSync(takeover).mtimeMs, 0);
    if (age > TAKEOVER_STALE_MS) readOr(() => unlinkSync(takeover), undefined);
    return;
  }
  try {
    if (sameOwner(readOwner(lockPath), stale)) unlinkSync(lockPath);
  } finally {
    closeSync(fd);
    unlinkSync(takeover);
  }
}

export interface DirLock {
  path: string;
  release(): void;
}

/** Takes the lock for `dir` (an absolute path) or throws StoreLockedError naming the owner. */
export function lockDirectory(dir: string): DirLock {
  const lockPath = `${dir}.lock`;
  const me = self();
  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(lockPath, me)) {
      const release = () => {
        if (sameOwner(readOwner(lockPath), me)) unlinkSync(lockPath);
        process.off("exit", release);
      };
      // A normal exit that skipped close() still frees the directory.
      process.on("exit", release);
      return { path: lockPath, release };
    }
    const owner = readOwner(lockPath);
    if (owner === "none") continue;
    if (owner !== "corrupt" && isAlive(owner)) throw new StoreLockedError(dir, owner.pid);
    removeStale(lockPath, owner);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error(`Could not take the lock ${lockPath}: it keeps changing hands.`);
}
