import { getConfig } from "../../config";

/** The host page that starts the OAuth link flow for this account (the Gate's "Connect Stigg"). */
export function connectUrlFor(stripeAccountId: string): string {
  const url = new URL("/connect", getConfig().publicUrl);
  url.searchParams.set("account", stripeAccountId);
  return url.toString();
}
