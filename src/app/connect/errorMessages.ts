import type { ConnectFailure } from "@/server/oauth/startInstall";

/** Why the last attempt didn't leave for Stripe, as the connect page explains it. */
export const CONNECT_ERRORS: Record<
  ConnectFailure | "invalid_input" | "missing_key" | "rate_limited" | "internal_error" | "store_unavailable",
  string
> = {
  missing_key: "Paste the server API key of your Stigg environment (in the Stigg app, under Integrations → API keys); it starts with “server-”.",
  invalid_input: "Choose a workspace and a Stripe mode; a Stigg key starts with “server-”.",
  sandbox_unavailable: "The sandbox workspace is only available when the app runs in sandbox mode.",
  mode_unavailable: "This server has no Stripe secret key for that mode. Choose the other mode, or ask the administrator.",
  not_configured: "This server has no Stripe OAuth client id (STRIPE_CLIENT_ID). Ask the administrator.",
  stigg_key_rejected: "Stigg did not accept that API key. Copy the server key of your environment from the Stigg app and try again.",
  stigg_unreachable: "Stigg could not be reached to check the key. Try again in a moment.",
  stigg_unexpected_response: "Stigg's answer to the key check could not be understood. Try again, or contact support.",
  rate_limited: "Too many install attempts from your network in the last minute. Wait a minute, then try again.",
  internal_error: "Something went wrong on our side and nothing was saved. Try again in a moment.",
  store_unavailable: "The app's database is unavailable right now, so nothing was saved. Try again in a moment.",
};

export function connectErrorMessage(code: string | undefined): string | undefined {
  return code && Object.hasOwn(CONNECT_ERRORS, code) ? CONNECT_ERRORS[code as keyof typeof CONNECT_ERRORS] : undefined;
}
