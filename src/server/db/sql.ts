import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { ChangeFeed } from "./changeFeed";

/*
 * The request path's reads, straight on the driver. Each one is a single raw statement the
 * ORM only passed through, and its client cost more than the read itself: about 0.5 ms
 * of host CPU per statement, measured (a `SELECT 1` took 0.58 ms through Prisma and 0.10 ms
 * on the same pool). Writes, migrations and the seed keep to Prisma.
 */

/** One statement: its text with $1…$n placeholders, its values, and a name for PostgreSQL to keep its plan under. */
export interface Statement {
  name: string;
  text: string;
  values: unknown[];
}

// A template's strings are one object per call site, so each call site is one named
// statement: PostgreSQL parses and plans it once per connection, not once per request.
const texts = new WeakMap<TemplateStringsArray, { name: string; text: string }>();
let statements = 0;

/**
 * A statement from a template: every interpolated value becomes a parameter, never text.
 * Dates are sent as UTC ISO strings: the columns are `timestamp` (UTC wall time, as Prisma
 * writes them), and a driver's local-time rendering would shift them off a UTC clock.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  let known = texts.get(strings);
  if (!known) {
    known = { name: `app_${++statements}`, text: strings.reduce((text, part, i) => `${text}$${i}${part}`) };
    texts.set(strings, known);
  }
  return { ...known, values: values.map((v) => (v instanceof Date ? v.toISOString() : v)) };
}

/** Reads rows with one statement. */
export interface SqlReader {
  rows<T>(statement: Statement): Promise<T[]>;
  /** The store's change generation (changeFeed.ts): what was read in it still holds; null: nothing read before can be trusted. */
  generation(): number | null;
}

// `timestamp` columns hold UTC wall time; read them as UTC whatever the process's zone.
const TIMESTAMP_OID = 1114;
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

/** Type parsers for a pg pool: everything as pg parses it, but `timestamp` as UTC. */
export function utcTypes(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === TIMESTAMP_OID && format !== "binary" ? utcTimestamp : types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
  };
}

export function postgresReader(pool: pg.Pool, changes: ChangeFeed): SqlReader {
  return {
    generation: () => changes.generation(),
    async rows<T>({ name, text, values }: Statement) {
      return (await pool.query<T & pg.QueryResultRow>({ name, text, values })).rows;
    },
  };
}

/*
 * PGlite plans in WASM, and planning the customer's record took longer than running it
 * (EXPLAIN: 6.5 ms planning, 1.4 ms execution). Its query() parses anew each time, in five
 * protocol exchanges; this keeps each statement parsed under its name and runs it in one:
 * Bind, Describe, Execute, Sync. It holds PGlite's own locks, as query() does, so it never
 * runs inside another caller's transaction.
 */
export async function pgliteReader(db: PGlite, changes: ChangeFeed): Promise<SqlReader> {
  const { parse, protocol } = await import("@electric-sql/pglite");
  const { serialize } = protocol;
  const parsers = { ...db.parsers, [TIMESTAMP_OID]: utcTimestamp };
  const parsed = new Set<string>();
  const exchange = async (...messages: Uint8Array[]) => {
    const message = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
    messages.reduce((at, m) => (message.set(m, at), at + m.length), 0);
    // Reads change nothing on disk.
    return (await db.execProtocol(message, { syncToFs: false })).messages;
  };
  return {
    generation: () => changes.generation(),
    rows<T>({ name, text, values }: Statement) {
      return db._runExclusiveTransaction(() =>
        db._runExclusiveQuery(async () => {
          if (!parsed.has(name)) {
            await exchange(serialize.parse({ name, text }), serialize.sync());
            parsed.add(name);
          }
          const params = values.map((v) => (v === null || v === undefined ? null : String(v)));
          const messages = await exchange(
            serialize.bind({ statement: name, values: params }),
            serialize.describe({ type: "P" }),
            serialize.execute({}),
            serialize.sync(),
          );
          return (parse.parseResults(messages, parsers)[0]?.rows ?? []) as T[];
        }),
      );
    },
  };
}
