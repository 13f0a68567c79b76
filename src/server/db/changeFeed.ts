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

/** How the listening connection names itself in `pg_stat_activity`: its last query changes with every heartbeat. */
export const CHANGE_FEED_APPLICATION_NAME = "stigg-app change feed";

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;
/** How often the listening connection proves it still answers, and how long it may take. */
const HEARTBEAT_MS = 2_000;
const HEARTBEAT_TIMEOUT_MS = 1_000;

/**
 * PostgreSQL: one connection of its own, listening. While it is down, or not yet
 * listening, the generation is null and every read goes to the database; it reconnects
 * with a growing pause. A connection that stops answering without closing (a hung server
 * or network) would never deliver a notification again: a heartbeat finds it within
 * about three seconds.
 */
export function postgresChanges(Client: typeof pg.Client, config: pg.ClientConfig): ChangeFeed {
  let generation: number | null = null;
  let client: pg.Client | undefined;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  const log = () => logger().child({ component: "changeFeed" });

  const lost = (err: unknown) => {
    clearInterval(heartbeat);
    if (closed || generation === null) return;
    generation = null;
    // Not awaited: on a hung connection the goodbye is never answered.
    void client?.end().catch(() => {});
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
    const c = new Client({
      ...config,
      application_name: CHANGE_FEED_APPLICATION_NAME,
      keepAlive: true,
      query_timeout: HEARTBEAT_TIMEOUT_MS,
    });
    client = c;
    // A connection given up on may still report its end later: only the current one counts.
    const onLost = (err: unknown) => {
      if (client === c) lost(err);
    };
    c.on("notification", () => {
      if (generation !== null && client === c) generation = next();
    });
    c.on("error", onLost);
    c.on("end", () => onLost(new Error("the listening connection ended")));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (closed) return void (await c.end());
      // Whatever changed while nobody listened is behind us: a new generation.
      generation = next();
      heartbeat = setInterval(() => void c.query("SELECT 1").catch(onLost), HEARTBEAT_MS);
      heartbeat.unref();
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
      clearInterval(heartbeat);
      await client?.end().catch(() => {});
    },
  };
}
