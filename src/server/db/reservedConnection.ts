import type pg from "pg";

/**
 * One connection kept apart from the request pool, for the health check alone: a pool
 * saturated by load (or by statements waiting on a lock) must not read as a store that
 * is down. Opened on first use, dropped on any error and opened again on the next.
 */
export function reservedConnection(Client: typeof pg.Client, config: pg.ClientConfig, limitMs: number) {
  let client: Promise<pg.Client> | undefined;
  let inFlight: Promise<void> | undefined;
  const drop = (c: pg.Client) => {
    client = undefined;
    c.end().catch(() => {});
  };
  const open = () => {
    const c = new Client({ ...config, connectionTimeoutMillis: limitMs, query_timeout: limitMs, statement_timeout: limitMs });
    c.on("error", () => drop(c));
    const opening = c.connect().then(() => c);
    opening.catch(() => (client = undefined));
    return opening;
  };
  const probe = async () => {
    client ??= open();
    const c = await client;
    try {
      await c.query("SELECT 1");
    } catch (err) {
      drop(c);
      throw err;
    }
  };
  return {
    /** SELECT 1 on the reserved connection; concurrent checks share one. */
    selectOne(): Promise<void> {
      inFlight ??= probe().finally(() => (inFlight = undefined));
      return inFlight;
    },
    async close(): Promise<void> {
      const c = client;
      client = undefined;
      if (c) await c.then((x) => x.end(), () => {});
    },
  };
}
