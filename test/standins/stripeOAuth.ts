import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { StripeOAuthStandIn } from "@/app/dev/stripe/stripeOAuthStandIn";

export interface RunningStripeStandIn {
  /** What STRIPE_API_BASE would be: the token endpoint is `${apiBase}/v1/oauth/token`. */
  apiBase: string;
  stripe: StripeOAuthStandIn;
  /** Token requests received, for asserting what went over the wire. */
  requests: { authorization: string | null; contentType: string | null; body: string }[];
  close(): Promise<void>;
}

/** Stripe's OAuth token endpoint on a loopback port, speaking its documented wire format. */
export async function startStripeStandIn(secretKeys: string[], now?: () => number, sandboxKeys: string[] = []): Promise<RunningStripeStandIn> {
  const stripe = new StripeOAuthStandIn(secretKeys, now, sandboxKeys);
  const requests: RunningStripeStandIn["requests"] = [];
  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/v1/oauth/token") {
      res.writeHead(404).end();
      return;
    }
    const request = {
      authorization: req.headers.authorization ?? null,
      contentType: req.headers["content-type"] ?? null,
      body: await readBody(req),
    };
    requests.push(request);
    const { status, body } = stripe.token(request);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    stripe,
    requests,
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
