import { ConfigError, getConfig } from "./config";
import { closeStore, getStore } from "./db/client";

/** Refuses to serve with a bad configuration, and opens (migrates, seeds) the store up front. */
export async function startServer(): Promise<void> {
  try {
    getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  await getStore();
  // PGlite keeps the process alive and must flush on exit.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void closeStore().finally(() => process.exit(0)));
  }
}
