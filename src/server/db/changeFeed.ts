import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { logger } from "../log/logger";

/*
 * Whether what this process read before still holds. The tables behind the request path's
 * cached reads notify channel "app_changes" on every change, from any process (migration
 * 20261129093000_change_notifications); each store listens, and every change moves its
 * generation. A cache entry is good only in the generation it was read in.
 */
export const CHANGES_CHANNEL = "app_changes";

export interface ChangeFeed {
  /** Moves on every change heard; null while changes cannot be heard (caches are bypassed then). */
  generation(): number | null;
  /** A change this process committed: counted at once, before its notification comes back. */
  changed(): void;
  close(): Promise<void>;
}

// One counter for every feed of the process, so a reopened store never meets an entry of
// the store before it.
let counter = 0;
const next = () => ++counter;

/** PGlite: the only process on its directory; notifications arrive as its statements commit. */
export async function pgliteChanges(db: PGlite): Promise<ChangeFeed> {
  let generation = next();
  const unlisten = await db.listen(CHANGES_CHANNEL, () => (generation = next()));
  return {
    generation: () => generation,
    changed: () => void (generation = next()),
    close: () => unlisten(),
  };
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * PostgreSQL: one connection of its own, listening. While it is down, or not yet
 * listening, the generation is null and every read goes to the database; it reconnects
 * with a growing pause. Keepalive finds a connection that died without a word.
 */
export function postgresChanges(Client: typeof pg.Client, config: pg.ClientConfig): ChangeFeed {
  let generation: number | null = null;
  let client: pg.Client | undefined;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  const log = () => logger().child({ component: "changeFeed" });

  const lost = (err: unknown) => {
    if (closed || generation === null) return;
    generation = null;
    log().warn({ err }, "stopped hearing the store's changes: cached reads are off until it is back");
    retry();
  };
  const retry = () => {
    if (closed) return;
    failures++;
    clearTimeout(timer);
    timer = setTimeout(connect, Math.min(RETRY_MIN_MS * 2 ** (failures - 1), RETRY_MAX_MS));
    timer.unref();
  };
  const connect = async () => {
    const c = new Client({ ...config, keepAlive: true });
    client = c;
    c.on("notification", () => {
      if (generation !== null) generation = next();
    });
    c.on("error", lost);
    c.on("end", () => lost(new Error("the listening connection ended")));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (closed) return void (await c.end());
      // Whatever changed while nobody listened is behind us: a new generation.
      generation = next();
      if (failures > 0) log().info("hearing the store's changes again");
      failures = 0;
    } catch (err) {
      c.removeAllListeners("end");
      void c.end().catch(() => {});
      if (failures === 0) log().warn({ err }, "cannot listen to the store's changes: cached reads are off until it can");
      retry();
    }
  };
  void connect();
  return {
    generation: () => generation,
    changed: () => {
      if (generation !== null) generation = next();
    },
    async close() {
      closed = true;
      generation = null;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}
