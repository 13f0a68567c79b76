import { lstat, mkdir, readdir, readlink, realpath } from "node:fs/promises";
import path from "node:path";

/** PGLITE_DIR names something that is not an embedded database, and is not empty either. */
export class NotADatabaseError extends Error {
  constructor(readonly dir: string, reason: string) {
    super(
      `PGLITE_DIR ${dir} is not an embedded database: ${reason}. ` +
        "Point PGLITE_DIR at the database's directory, or at a new or empty one.",
    );
    this.name = "NotADatabaseError";
  }
}

const code = (err: unknown) => (err as NodeJS.ErrnoException).code;

/**
 * The one spelling of an embedded database's directory: absolute, with every symbolic link
 * and every `.` or `..` resolved, so that `dir`, `dir/.`, `dir/./`, a link to it or a link
 * to its parent all meet at one lock and open one database. The parents are created; the
 * directory itself is PGlite's to create.
 */
export async function resolveStoreDir(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  try {
    return await realpath(absolute);
  } catch (err) {
    if (code(err) !== "ENOENT") throw err;
  }
  const link = await lstat(absolute).catch(() => null);
  if (link?.isSymbolicLink()) throw new NotADatabaseError(dir, `it is a link to ${await readlink(absolute)}, which does not exist`);
  await mkdir(path.dirname(absolute), { recursive: true });
  return path.join(await realpath(path.dirname(absolute)), path.basename(absolute));
}

/**
 * Refuses a directory that is there but neither a database (PostgreSQL's PG_VERSION) nor
 * empty: PGlite would take it for one and write into it. Checked under the lock, so that
 * another owner's database still being created is not mistaken for something else.
 */
export async function assertDatabaseOrEmpty(real: string, dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(real);
  } catch (err) {
    if (code(err) === "ENOENT") return;
    if (code(err) === "ENOTDIR") throw new NotADatabaseError(dir, "it is a file");
    throw err;
  }
  if (entries.length > 0 && !entries.includes("PG_VERSION")) {
    const shown = real === path.resolve(dir) ? "" : ` (${real})`;
    throw new NotADatabaseError(dir, `the directory${shown} holds other files and no PG_VERSION`);
  }
}
