// Runs once when the server starts, before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./server/startup");
    await startServer();
    const [{ getConfig }, { installFrontDoor }] = await Promise.all([
      import("./server/config"),
      import("./server/http/frontDoor"),
    ]);
    const { trustProxy, publicUrl } = getConfig();
    installFrontDoor({ trustProxy, publicUrl });
    const [{ warmUpFetch }, { logger }] = await Promise.all([import("./server/warmUp"), import("./server/log/logger")]);
    // A speed-up only: a warm-up that fails must not keep the server from serving.
    await warmUpFetch().catch((err: unknown) => logger().warn({ err, event: "warm_up.failed" }, "fetch warm-up failed"));
  }
}
