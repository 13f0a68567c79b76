import { inspect } from "node:util";
import { ConfigError, getConfig } from "./config";
import { closeStore, getStore, keepStoreOpening, StoreLockedError } from "./db/client";
import { NotADatabaseError } from "./db/storeDir";
import { logger } from "./log/logger";

/** Ends the process with a message for the operator; Next would otherwise serve bare 500s. */
function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * Refuses to serve with a bad configuration or an embedded database another process
 * owns, and opens (migrates, seeds) the store up front. PostgreSQL that is not reachable
 * yet does not stop the server: it serves typed errors and connects as soon as it can.
 */
export async function startServer(): Promise<void> {
  let config;
  try {
    config = getConfig();
  } catch (err) {
    if (err instanceof ConfigError) refuse(err.message);
    throw err;
  }
  keepStoreOpening();
  try {
    await getStore();
  } catch (err) {
    if (err instanceof StoreLockedError || err instanceof NotADatabaseError) refuse(err.message);
    // A broken embedded directory will not mend by waiting. PGlite may throw plain objects.
    if (!config.databaseUrl) refuse(`The embedded database ${config.pgliteDir} could not be opened: ${err instanceof Error ? err.message : inspect(err)}`);
    logger().warn({ err, event: "store.unavailable_at_start" }, "PostgreSQL is not reachable yet; serving errors and retrying");
  }
  // PGlite keeps the process alive and must flush on exit.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void closeStore().finally(() => process.exit(0)));
  }
}
