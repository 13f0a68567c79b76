// What every command-line tool that touches the store shares: it opens the store the way
// the server does and, on the embedded database, only when no other process owns it (the
// running server holds a lock; see src/server/db/dirLock.ts). Refused, it changes nothing
// and exits non-zero, naming the directory and the owner's PID.
import { closeStore, type Db, getDb, StoreLockedError, StoreUnavailableError } from "../src/server/db/client";

export async function withStore(command: string, work: (db: Db) => Promise<void>): Promise<void> {
  try {
    await work(await getDb());
  } catch (err) {
    if (err instanceof StoreLockedError) {
      console.error(`${command}: nothing changed. ${err.message}`);
      console.error(
        `If that is the running server (npm start), stop it, run ${command} again and restart it; PostgreSQL (DATABASE_URL) has no such limit.`,
      );
      process.exitCode = 1;
    } else if (err instanceof StoreUnavailableError) {
      console.error(`${command}: nothing changed. ${err.message} ${String(err.cause)}`);
      process.exitCode = 1;
    } else {
      throw err;
    }
  } finally {
    await closeStore();
  }
}
