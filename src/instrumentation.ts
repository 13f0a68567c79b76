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
  }
}
