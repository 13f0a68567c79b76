/**
 * The host's connect page for this account; in a Stripe sandbox with "Stripe sandbox"
 * preselected (`mode=sandbox`). Only a preselection: the host exchanges the install's code
 * with that environment's key, so a wrong hint fails the install rather than linking.
 */
export function connectHref(connectUrl: string, stripeSandbox: boolean): string {
  if (!stripeSandbox) return connectUrl;
  const url = new URL(connectUrl);
  url.searchParams.set("mode", "sandbox");
  return url.toString();
}
