import Stripe from "stripe";
import { DEMO_APP_SECRET } from "@/server/config";

/** A drawer call to a running server, signed like Stripe with sandbox mode's demo secret. */
export async function signedGetCustomer(
  baseUrl: string,
  account: string,
  stripeCustomerId: string,
  timeoutMs = 15_000,
): Promise<{ status: number; correlationId: string | null; body: any }> {
  const user = "usr_DemoUser";
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: JSON.stringify({ user_id: user, account_id: account }),
    secret: DEMO_APP_SECRET,
  });
  const input = encodeURIComponent(JSON.stringify({ stripeCustomerId }));
  const res = await fetch(`${baseUrl}/api/trpc/getCustomer?input=${input}`, {
    headers: { "Stripe-Signature": signature, "Stripe-User-Id": user, "Stripe-Account-Id": account },
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, correlationId: res.headers.get("x-correlation-id"), body: await res.json() };
}

/** `GET /api/health`, as a load balancer asks it. */
export async function health(baseUrl: string, timeoutMs = 15_000) {
  const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, correlationId: res.headers.get("x-correlation-id"), body: (await res.json()) as unknown };
}
