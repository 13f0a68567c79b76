import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";

// The README's first command on an empty data directory: it serves the sandbox.
describe("npm start on a fresh embedded database", () => {
  const data = tempDataDir();
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer({ env: { PGLITE_DIR: `${data.dir}/pglite` } });
    await waitUntilServing(server, "/");
  });
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it("answers the API with a correlation id", async () => {
    const res = await fetch(`${server.url}/api/trpc/getCustomer?input=${encodeURIComponent('{"stripeCustomerId":"cus_DemoFull"}')}`);
    expect(res.status).toBe(401);
    expect(res.headers.get("x-correlation-id")).toMatch(/\S{8,}/);
  });
});
