// A throwaway database on the PostgreSQL server the bench is pointed at, dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** A throwaway database on the server `admin` names, or null when it does not answer. */
export async function throwawayDatabase(admin: string | undefined) {
  if (!admin) return null;
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3_000 });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  const name = `stigg_bench_${randomBytes(6).toString("hex")}`;
  try {
    await sql(`CREATE DATABASE ${name}`);
  } catch (err) {
    console.log(`PostgreSQL at ${new URL(admin).host} is not reachable (${(err as Error).message}); PGlite only.`);
    return null;
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
