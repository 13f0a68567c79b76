// Runs once when the server starts: refuse to serve with a bad configuration, and open
// (migrate, seed) the store before the first request instead of during it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, ConfigError } = await import("./server/config");
  try {
    getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const { getStore, closeStore } = await import("./server/db/client");
  await getStore();
  // PGlite keeps the process alive and must flush on exit.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void closeStore().finally(() => process.exit(0)));
  }
}
