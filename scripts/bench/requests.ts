// The requests the bench sends, exactly as the drawer sends them: one batched tRPC GET,
// signed like Stripe signs an extension's request.
import Stripe from "stripe";

const DEMO_SECRET = "absec_demo_sandbox_only";
const USER = "usr_Bench";

export function signedHeaders(account: string): Record<string, string> {
  const payload = JSON.stringify({ user_id: USER, account_id: account });
  return {
    "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_SECRET }),
    "Stripe-User-Id": USER,
    "Stripe-Account-Id": account,
  };
}

/** The drawer's first paint: getCustomer, listSubscriptions and getEntitlements in one batch. */
export function firstPaintPath(stripeCustomerId: string): string {
  const input = { 0: { stripeCustomerId }, 1: { stripeCustomerId }, 2: { stripeCustomerId } };
  return `/api/trpc/getCustomer,listSubscriptions,getEntitlements?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

export function usageSeriesPath(stripeCustomerId: string, featureId: string): string {
  return `/api/trpc/getUsageSeries?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { stripeCustomerId, featureId } }))}`;
}

/** GETs a path; fails unless every call of the batch returned data. */
export async function getBatch(url: string, headers: Record<string, string>): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
  const results = JSON.parse(body) as { result?: unknown; error?: unknown }[];
  if (results.some((r) => !r.result)) throw new Error(`${url}: a call failed: ${body.slice(0, 300)}`);
  return { ms, body };
}

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
