import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { DEMO_WEBHOOK_SECRET } from "@/server/config";
import { signedHeaders } from "../support/signedApi";
import { type RunningServer, spawnServer, tempDataDir, waitUntilServing } from "../support/runningServer";

// The uninstall event over HTTP against `npm start`: the drawer of the uninstalled
// account turns into the Gate, and a forged event changes nothing.
describe("POST /api/stripe/webhook on the real server", () => {
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

  const linked = async () => {
    const input = encodeURIComponent(JSON.stringify({ stripeCustomerId: "cus_DemoFull" }));
    const res = await fetch(`${server.url}/api/trpc/getCustomer?input=${input}`, { headers: signedHeaders(LINKED_ACCOUNT) });
    return ((await res.json()) as { result: { data: { linked: boolean } } }).result.data.linked;
  };
  const deliver = (payload: string, secret: string) =>
    fetch(`${server.url}/api/stripe/webhook`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({ payload, secret }) },
      body: payload,
    });
  // Created when delivered: an event from before the server seeded the link would be set aside.
  const event = () =>
    JSON.stringify({
      id: "evt_ServerTest",
      object: "event",
      type: "account.application.deauthorized",
      account: LINKED_ACCOUNT,
      livemode: false,
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "ca_App", object: "application" } },
    });

  it("a forged event is a 400 and the account stays linked", async () => {
    const res = await deliver(event(), "whsec_forged");
    expect(res.status).toBe(400);
    expect(res.headers.get("x-correlation-id")).toMatch(/\S{8,}/);
    expect(await linked()).toBe(true);
  });

  it("a signed deauthorization unlinks the account: its drawer is the Gate", async () => {
    const res = await deliver(event(), DEMO_WEBHOOK_SECRET);
    expect(res.status).toBe(200);
    expect(await linked()).toBe(false);
  });
});
