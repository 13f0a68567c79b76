import Stripe from "stripe";
import type { ApiErrorData } from "@/contract";
import { DEMO_APP_SECRET } from "@/server/config";
import { handleApiRequest } from "@/server/api/handler";

export const DEMO_USER = "usr_DemoUser";

export function signatureFor(
  account: string,
  options: { user?: string; secret?: string; timestamp?: number; payload?: string } = {},
): string {
  const payload =
    options.payload ?? JSON.stringify({ user_id: options.user ?? DEMO_USER, account_id: account });
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? DEMO_APP_SECRET,
    timestamp: options.timestamp,
  });
}

export function signedHeaders(account: string, options: Parameters<typeof signatureFor>[1] = {}) {
  return {
    "Stripe-Signature": signatureFor(account, options),
    "Stripe-User-Id": options.user ?? DEMO_USER,
    "Stripe-Account-Id": account,
  };
}

export interface Call {
  procedure:
    | "getCustomer"
    | "listSubscriptions"
    | "getEntitlements"
    | "getUsageSeries"
    | "getSubscriptionEntitlements"
    | "getLinks";
  input: unknown;
}

/** One batched GET, exactly as a tRPC httpBatchLink sends it. */
export async function callBatch(calls: Call[], headers: Record<string, string>): Promise<Response> {
  const input = Object.fromEntries(calls.map((c, i) => [i, c.input]));
  const url = `http://localhost/api/trpc/${calls.map((c) => c.procedure).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  return handleApiRequest(new Request(url, { headers }));
}

type Envelope<T> =
  | { result: { data: T } }
  | { error: { message: string; code: number; data: ApiErrorData } };

/** One signed call as account `account`; returns the envelope and the response. */
export async function call<T = unknown>(
  procedure: Call["procedure"],
  input: unknown,
  account: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ res: Response; body: Envelope<T> }> {
  const res = await callBatch([{ procedure, input }], { ...signedHeaders(account), ...extraHeaders });
  const [body] = (await res.json()) as [Envelope<T>];
  return { res, body: body! };
}

export function data<T>(body: Envelope<T>): T {
  if ("error" in body) throw new Error(`expected data, got ${body.error.data.code}: ${body.error.message}`);
  return body.result.data;
}

export function errorOf<T>(body: Envelope<T>) {
  if (!("error" in body)) throw new Error("expected an error, got data");
  return body.error;
}

/** One signed mutation, a batched POST exactly as a tRPC httpBatchLink sends it. */
export async function mutate<T = unknown>(
  procedure: "disconnect",
  input: unknown,
  account: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ res: Response; body: Envelope<T> }> {
  const res = await handleApiRequest(
    new Request(`http://localhost/api/trpc/${procedure}?batch=1`, {
      method: "POST",
      headers: { ...signedHeaders(account), "Content-Type": "application/json", ...extraHeaders },
      body: JSON.stringify({ 0: input }),
    }),
  );
  // A refusal before tRPC (batch limit, body cap) is one envelope, not a batch of them.
  const json = (await res.json()) as [Envelope<T>] | Envelope<T>;
  return { res, body: Array.isArray(json) ? json[0] : json };
}
