import pg from "pg";
import { createFreshDatabase } from "../../support/freshDatabase";

/**
 * A throwaway database on the PostgreSQL server named by TEST_DATABASE_URL. These tests
 * exist to run on PostgreSQL: without one they fail, saying what they need.
 */
export async function throwawayDatabase() {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    throw new Error(
      "These tests need PostgreSQL: set TEST_DATABASE_URL to a server they may create databases on, e.g. TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres",
    );
  }
  const probe = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
  } catch (err) {
    throw new Error(`These tests need PostgreSQL, and TEST_DATABASE_URL (${new URL(admin).host}) is not reachable: ${String(err)}`);
  } finally {
    await probe.end().catch(() => {});
  }
  const fresh = await createFreshDatabase();
  const url = new URL(fresh.env.DATABASE_URL!);
  return {
    url,
    target: { host: url.hostname, port: Number(url.port || 5432) },
    /** The same database, reached through a port of the test's choosing. */
    through(port: number) {
      const via = new URL(url);
      via.hostname = "127.0.0.1";
      via.port = String(port);
      return via.toString();
    },
    drop: fresh.drop,
  };
}

/** Asks until `check` holds, or fails after `ms` with the last answer. */
export async function eventually<T>(ask: () => Promise<T>, check: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await ask();
      if (check(last)) return last;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`still not there after ${ms} ms; last answer: ${JSON.stringify(last)}`);
}
