import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A new, empty database for one test file: a PGlite directory by default, or a throwaway
 * database on the PostgreSQL server named by TEST_DATABASE_URL (CI runs both). Returns
 * the settings the app reads and a cleanup.
 */
export async function createFreshDatabase(): Promise<{
  env: { DATABASE_URL?: string; PGLITE_DIR?: string };
  drop(): Promise<void>;
}> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const name = `stigg_test_${randomBytes(6).toString("hex")}`;
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await run(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), "stigg-test-"));
  return {
    env: { PGLITE_DIR: path.join(dir, "pglite") },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

export const backend = process.env.TEST_DATABASE_URL ? "postgresql" : "pglite";
