import Stripe from "stripe";
import { DEMO_APP_SECRET } from "@/server/config";

/**
 * Signs like Stripe signs an app's backend request: `t=…,v1=…`, HMAC-SHA256 over
 * `${t}.${JSON payload}`. Always the public demo secret, whatever the configuration: the
 * harness must never become a way to sign with a real app secret.
 */
export function signWithDemoSecret(payload: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: DEMO_APP_SECRET });
}
