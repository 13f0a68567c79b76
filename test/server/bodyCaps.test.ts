import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyCapFor } from "@/server/http/bodyCaps";
import { signedHeaders } from "../support/signedApi";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";
import { refusalLogLine, sendBody } from "./support/rawBody";

// Every route that takes a body, against the production server: a body over the route's
// cap is refused with 413 before it is read, whether its length is declared (100 GB here,
// of which the client sends what it can) or it comes chunked (100 MB). What the server
// read is counted by the server itself and logged with the request's correlation id.
const data = tempDataDir();
let server: RunningServer;
let actionId: string;
beforeAll(async () => {
  server = await spawnServer({ command: "next start", env: { PGLITE_DIR: `${data.dir}/pglite` } });
  await waitUntilServing(server, "/");
  const html = await (await fetch(`${server.url}/connect`)).text();
  actionId = /\$ACTION_ID_([0-9a-f]+)/.exec(html)?.[1] ?? "";
});
afterAll(async () => {
  await server?.stop();
  data.remove();
});

const GB100 = 100 * 1024 ** 3;
const MB100 = 100 * 1024 ** 2;
/** What one read of the socket can bring beyond the cap (libuv reads 64 KiB at a time). */
const ONE_CHUNK = 64 * 1024;

const routes: [string, () => Record<string, string>][] = [
  ["/api/stripe/webhook", () => ({ "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=00" })],
  ["/api/preview/sign", () => ({ "Content-Type": "application/json" })],
  ["/api/preview/fault", () => ({ "Content-Type": "application/json" })],
  ["/dev/stripe/v1/oauth/token", () => ({ "Content-Type": "application/x-www-form-urlencoded" })],
  ["/dev/stripe/oauth/v2/authorize/decision", () => ({ "Content-Type": "application/x-www-form-urlencoded" })],
  ["/connect", () => ({ Origin: server.url, "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8" })],
  ["/api/trpc/disconnect", () => ({ "Content-Type": "application/json", ...signedHeaders("acct_DemoLinked") })],
];

describe.each(routes)("%s", (path, headers) => {
  const cap = bodyCapFor(path).bytes;

  it.each<[string, { total: number; declared?: number }]>([
    ["a declared 100 GB length", { total: MB100, declared: GB100 }],
    ["a 100 MB chunked body", { total: MB100 }],
  ])(`answers 413 to %s, having read no more than the cap (${cap} bytes) and one chunk`, async (_what, options) => {
    const answer = await sendBody(server, path, headers(), options);
    expect(answer.status).toBe(413);
    expect(answer.headers["x-correlation-id"]).toBe(answer.correlationId);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.body).toContain(String(cap));
    expect(answer.written).toBeLessThan(MB100);
    const line = await refusalLogLine(server, answer.correlationId);
    expect(line, "the server logs what it read of a refused body").toBeDefined();
    expect(line!.bodyBytesRead).toBeLessThanOrEqual(cap + ONE_CHUNK);
    // Chunked, the server reads up to the cap before it can tell: the count is real.
    if (options.declared === undefined) expect(line!.bodyBytesRead).toBeGreaterThan(cap);
  });

  it("still takes a body within the cap, chunked", async () => {
    const answer = await sendBody(server, path, headers(), { total: 0 });
    expect(answer.status).not.toBe(413);
    expect(answer.status).toBeGreaterThan(0);
  });
});

describe("bodies within the caps", () => {
  it("a chunked webhook event is verified like any other", async () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "customer.created", livemode: false, data: { object: {} } });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_demo_sandbox_only" });
    const res = await fetch(`${server.url}/api/stripe/webhook`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
      body: new Blob([payload]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(200);
  });
});
