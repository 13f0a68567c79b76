import { request as httpRequest } from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_CALLS } from "@/contract/limits";
import { DEMO_APP_SECRET } from "@/server/config";
import { SERVER_ACTION_MAX_BYTES } from "@/server/http/serverActionGuard";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";

// The attacks of issue 9, each against the real production server on PGlite.
const data = tempDataDir();
let server: RunningServer;
beforeAll(async () => {
  server = await spawnServer({ command: "next start", env: { PGLITE_DIR: `${data.dir}/pglite` } });
  await waitUntilServing(server, "/");
});
afterAll(async () => {
  await server?.stop();
  data.remove();
});

const ACCOUNT = "acct_DemoLinked";
const USER = "usr_DemoUser";
function signed(timestamp?: number): Record<string, string> {
  const payload = JSON.stringify({ user_id: USER, account_id: ACCOUNT });
  return {
    "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_APP_SECRET, timestamp }),
    "Stripe-User-Id": USER,
    "Stripe-Account-Id": ACCOUNT,
  };
}
const batchUrl = (procedure: string, inputs: unknown[]) =>
  `${server.url}/api/trpc/${inputs.map(() => procedure).join(",")}?batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))),
  )}`;

/** A raw request, for what fetch won't send (TRACE, a spoofed Host, a chunked body). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: server.port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe("signatures", () => {
  it("refuses a signature dated an hour ahead, and one at t=99999999999, but takes a current one", async () => {
    const input = [{ stripeCustomerId: "cus_DemoFull" }];
    const now = Math.floor(Date.now() / 1000);
    expect((await fetch(batchUrl("getCustomer", input), { headers: signed(now + 3600) })).status).toBe(401);
    expect((await fetch(batchUrl("getCustomer", input), { headers: signed(99999999999) })).status).toBe(401);
    expect((await fetch(batchUrl("getCustomer", input), { headers: signed() })).status).toBe(200);
  });
});

describe("request limits on the API", () => {
  it(`runs ${MAX_BATCH_CALLS} calls in one batch and refuses ${MAX_BATCH_CALLS + 1} with a 400 that says why`, async () => {
    const inputs = (n: number) => Array.from({ length: n }, () => ({ stripeCustomerId: "cus_DemoFull" }));
    const ok = await fetch(batchUrl("getCustomer", inputs(MAX_BATCH_CALLS)), { headers: signed() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveLength(MAX_BATCH_CALLS);

    const over = await fetch(batchUrl("getCustomer", inputs(MAX_BATCH_CALLS + 1)), { headers: signed() });
    expect(over.status).toBe(400);
    const correlationId = over.headers.get("x-correlation-id");
    const body = (await over.json()) as { error: { message: string; data: { code: string; correlationId: string } } };
    expect(body.error.message).toMatch(new RegExp(`at most ${MAX_BATCH_CALLS} calls`));
    expect(body.error.data).toMatchObject({ code: "BAD_REQUEST", correlationId });
  });

  it("answers a NUL byte in a subscription id with a 400, and keeps serving", async () => {
    const res = await fetch(
      batchUrl("getEntitlements", [{ stripeCustomerId: "cus_DemoFull", subscriptionId: "sub_Demo\u0000FullPro" }]),
      { headers: signed() },
    );
    expect(res.status).toBe(400);
    const [body] = (await res.json()) as [{ error: { data: { code: string } } }];
    expect(body.error.data.code).toBe("BAD_REQUEST");
    const fine = await fetch(batchUrl("getEntitlements", [{ stripeCustomerId: "cus_DemoFull", subscriptionId: "sub_DemoFullPro" }]), {
      headers: signed(),
    });
    expect(fine.status).toBe(200);
  });

  it("answers TRACE with 405, on the API and on a page", async () => {
    expect((await raw("TRACE", "/api/trpc/getCustomer", {})).status).toBe(405);
    expect((await raw("TRACE", "/connect", {})).status).toBe(405);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it("keeps the API's CORS for the null-origin extension", async () => {
    const res = await fetch(`${server.url}/api/trpc/getCustomer`, {
      method: "OPTIONS",
      headers: { Origin: "null", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "stripe-signature" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toMatch(/Stripe-Signature/);
  });
});

describe("body caps on the sandbox-only routes", () => {
  const big = Buffer.alloc(200_000, "a");
  it.each([
    ["/api/preview/sign", "application/json"],
    ["/api/preview/fault", "application/json"],
    ["/dev/stripe/v1/oauth/token", "application/x-www-form-urlencoded"],
    ["/dev/stripe/oauth/v2/authorize/decision", "application/x-www-form-urlencoded"],
  ])("%s answers 413 to a large body, declared or chunked", async (path, type) => {
    expect((await raw("POST", path, { "Content-Type": type, "Content-Length": String(big.length) }, big)).status).toBe(413);
    expect((await raw("POST", path, { "Content-Type": type, "Transfer-Encoding": "chunked" }, big)).status).toBe(413);
  });

  it("still signs a normal payload", async () => {
    const res = await fetch(`${server.url}/api/preview/sign`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user_id: USER, account_id: ACCOUNT }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { signature: string }).signature).toMatch(/^t=\d+,v1=/);
  });
});

describe("the preview harness never trusts Host", () => {
  it("builds the sandbox document's CSP and script URL from PUBLIC_URL", async () => {
    const res = await raw("GET", "/preview/sandbox", { Host: "evil.example" });
    expect(res.status).toBe(200);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain(`connect-src ${server.url}/api/`);
    expect(csp).toContain(`script-src ${server.url}/preview/`);
    expect(csp).not.toContain("evil.example");
    expect(res.body).toContain(`<script src="${server.url}/preview/sandbox.js">`);
    expect(res.body).not.toContain("evil.example");
  });

  it("sends /preview opened at another host to PUBLIC_URL's, path and query kept", async () => {
    const res = await raw("GET", "/preview?account=acct_DemoLinked&customer=cus_DemoFull", { Host: `localhost:${server.port}` });
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe(`${server.url}/preview?account=acct_DemoLinked&customer=cus_DemoFull`);
    expect((await fetch(`${server.url}/preview`, { redirect: "manual" })).status).toBe(200);
  });
});

describe("server actions", () => {
  async function connectActionId(): Promise<string> {
    const html = await (await fetch(`${server.url}/connect`)).text();
    const id = /\$ACTION_ID_([0-9a-f]+)/.exec(html)?.[1];
    if (!id) throw new Error("no server action on /connect");
    return id;
  }

  it("refuses a post from another origin with 403", async () => {
    const res = await fetch(`${server.url}/connect`, {
      method: "POST",
      headers: { Origin: "http://evil.example", "Next-Action": await connectActionId(), "Content-Type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(res.status).toBe(403);
  });

  it("refuses an oversized body with 413, declared or chunked", async () => {
    const headers = { Origin: server.url, "Next-Action": await connectActionId(), "Content-Type": "text/plain;charset=UTF-8" };
    const big = Buffer.alloc(SERVER_ACTION_MAX_BYTES + 1, "a");
    expect((await raw("POST", "/connect", { ...headers, "Content-Length": String(big.length) }, big)).status).toBe(413);
    expect((await raw("POST", "/connect", { ...headers, "Transfer-Encoding": "chunked" }, big)).status).toBe(413);
    expect((await fetch(`${server.url}/connect`)).status).toBe(200);
  });
});

describe("security headers", () => {
  it.each(["/", "/connect", "/oauth/result", "/dev/stripe/oauth/v2/authorize"])("%s forbids framing, plugins and <base>", async (path) => {
    const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toMatch(/^(same-origin|no-referrer)$/);
  });

  it("the OAuth callback passes on no referrer", async () => {
    const res = await fetch(`${server.url}/oauth/callback?code=ac_x&state=y`, { redirect: "manual" });
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("/preview lets its own sandbox document be framed, and that document only by /preview's origin", async () => {
    const page = await fetch(`${server.url}/preview`);
    expect(page.headers.get("content-security-policy")).toContain(`frame-src ${server.url}/preview/sandbox`);
    const frame = await fetch(`${server.url}/preview/sandbox`);
    expect(frame.headers.get("content-security-policy")).toContain(`frame-ancestors ${server.url}`);
    expect(frame.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
