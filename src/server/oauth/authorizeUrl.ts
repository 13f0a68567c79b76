import type { OAuthConfig } from "../config";

export class OAuthNotConfiguredError extends Error {
  constructor(readonly missing: string[]) {
    super(`OAuth is not configured: set ${missing.join(", ")}`);
    this.name = "OAuthNotConfiguredError";
  }
}

/** Where an install lives: live mode, test mode, or a Stripe sandbox (an account of its own). */
export type StripeEnvironment = "live" | "test" | "sandbox";

export const SECRET_KEY_VARIABLE: Record<StripeEnvironment, string> = {
  live: "STRIPE_SECRET_KEY",
  test: "STRIPE_TEST_SECRET_KEY",
  sandbox: "STRIPE_SANDBOX_SECRET_KEY",
};

export const environmentOf = (binding: { livemode: boolean; sandbox?: boolean }): StripeEnvironment =>
  binding.sandbox ? "sandbox" : binding.livemode ? "live" : "test";

/**
 * The secret key that may exchange codes of one Stripe environment. A Stripe sandbox's
 * install is answered by the app's managed sandbox, so its code takes that sandbox's key.
 */
export function secretKeyFor(oauth: OAuthConfig, environment: StripeEnvironment): string {
  const key = oauth.secretKeys[environment];
  if (!key) throw new OAuthNotConfiguredError([SECRET_KEY_VARIABLE[environment]]);
  return key;
}

/** Stripe's install page for this app, carrying the state the callback will check. */
export function authorizeUrl(oauth: OAuthConfig, state: string): string {
  if (!oauth.clientId) throw new OAuthNotConfiguredError(["STRIPE_CLIENT_ID"]);
  const url = new URL(oauth.authorizeUrl);
  url.searchParams.set("client_id", oauth.clientId);
  url.searchParams.set("redirect_uri", oauth.redirectUri);
  url.searchParams.set("state", state);
  return url.toString();
}
