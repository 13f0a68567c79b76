import type { OAuthConfig } from "../config";

export class OAuthNotConfiguredError extends Error {
  constructor(readonly missing: string[]) {
    super(`OAuth is not configured: set ${missing.join(", ")}`);
    this.name = "OAuthNotConfiguredError";
  }
}

/** The secret key that may exchange codes of one Stripe mode. */
export function secretKeyFor(oauth: OAuthConfig, livemode: boolean): string {
  const key = livemode ? oauth.secretKeys.live : oauth.secretKeys.test;
  if (!key) throw new OAuthNotConfiguredError([livemode ? "STRIPE_SECRET_KEY" : "STRIPE_TEST_SECRET_KEY"]);
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
