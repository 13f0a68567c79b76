import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECT_STARTS_PER_WINDOW } from "@/server/oauth/connectRateLimit";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";
import { postConnect, wasRateLimited, wentToStripe } from "./support/connectForm";

// No proxy in front (TRUST_PROXY unset), no Redis: counted in process, by the socket's address.
describe("/connect's rate limit, in process", () => {
  const data = tempDataDir();
  let server: RunningServer;
  beforeAll(async () => {
    server = await spawnServer({ command: "next start", env: { PGLITE_DIR: `${data.dir}/pglite`, REDIS_URL: undefined, TRUST_PROXY: undefined } });
    await waitUntilServing(server, "/");
  });
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it(`lets a client start ${CONNECT_STARTS_PER_WINDOW} installs, then says to wait, and an invented X-Forwarded-For changes nothing`, async () => {
    for (let i = 0; i < CONNECT_STARTS_PER_WINDOW; i++) expect(wentToStripe(await postConnect(server))).toBe(true);
    expect(wasRateLimited(await postConnect(server))).toBe(true);
    expect(wasRateLimited(await postConnect(server, { "X-Forwarded-For": "203.0.113.77" }))).toBe(true);
    expect(wasRateLimited(await postConnect(server, { "X-Stigg-Client-Address": "203.0.113.78" }))).toBe(true);

    const page = await (await fetch(`${server.url}/connect?error=rate_limited`)).text();
    expect(page).toContain("Too many install attempts from your network");
  });
});
