import type { NeededPermission } from "@/server/sources/stripe/keyCheck";
import type { ConnectFailure } from "@/server/oauth/startInstall";

/** Why the last attempt didn't leave for Stripe, as the connect page explains it. */
export const CONNECT_ERRORS: Record<
  | ConnectFailure
  | "invalid_input"
  | "missing_key"
  | "missing_restricted_key"
  | "account_required"
  | "rate_limited"
  | "internal_error"
  | "store_unavailable",
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
  missing_restricted_key:
    "Paste a restricted key of this Stripe account (Developers → API keys → Create restricted key); it starts with “rk_test_” or “rk_live_”.",
  account_required:
    "Stripe Billing data is linked for the account whose Dashboard you are in: open this page from the app's “Use this account's Stripe Billing data” in the Stripe Dashboard.",
  stripe_billing_unavailable: "This server does not offer Stripe Billing data as a source. Choose Stigg, or ask the administrator.",
  stripe_key_not_restricted:
    "That is not a restricted key. Create a restricted key in the Stripe Dashboard (Developers → API keys) and paste it; it starts with “rk_test_” or “rk_live_”. Never paste a secret key.",
  stripe_key_wrong_mode:
    "That key is of the other Stripe mode: live mode takes a key that starts with “rk_live_”, test mode and a Stripe sandbox one that starts with “rk_test_”. Paste a key of the mode you chose, or choose the key's mode.",
  stripe_key_rejected: "Stripe does not accept that key: it may be mistyped, expired or deleted. Copy it again from the Stripe Dashboard, or create a new one.",
  stripe_key_missing_permissions: "The key cannot read everything the app shows. In the Stripe Dashboard, give the key Read access to each resource it cannot read, then paste it again.",
  stripe_key_cannot_read_account:
    "The key cannot read its own account, so the app cannot tell that it belongs to this Stripe account. Give it Read access to Account too, then paste it again.",
  stripe_key_other_account: "That key belongs to another Stripe account. Create a restricted key in this account's Dashboard and paste it.",
  stripe_unreachable: "Stripe could not be reached to check the key, and nothing was saved. Try again in a moment.",
  rate_limited: "Too many install attempts from your network in the last minute. Wait a minute, then try again.",
  internal_error: "Something went wrong on our side and nothing was saved. Try again in a moment.",
  store_unavailable: "The app's database is unavailable right now, so nothing was saved. Try again in a moment.",
};

/** The page's words for an error code; a key refused for its permissions also names what it cannot read. */
export function connectErrorMessage(code: string | undefined, cannotRead: NeededPermission[] = []): string | undefined {
  if (!code || !Object.hasOwn(CONNECT_ERRORS, code)) return undefined;
  const message = CONNECT_ERRORS[code as keyof typeof CONNECT_ERRORS];
  return code === "stripe_key_missing_permissions" && cannotRead.length > 0 ? `${message} It cannot read: ${cannotRead.join(", ")}.` : message;
}
