import { z } from "zod";
import type { OAuthConfig } from "@/server/config";

const request = z.object({
  client_id: z.string(),
  redirect_uri: z.string(),
  state: z.string().max(512).optional(),
});

export type AuthorizeRequest = z.infer<typeof request>;

/**
 * Checks an authorize request like Stripe does: the client id must be the app's and the
 * redirect URI one the app's manifest allows (here: this host's callback). A bad request
 * is shown, never redirected, so the page can't be used as an open redirect.
 */
export function checkAuthorizeRequest(raw: unknown, oauth: OAuthConfig): AuthorizeRequest | { problem: string } {
  const parsed = request.safeParse(raw);
  if (!parsed.success) return { problem: "The request needs client_id and redirect_uri (each once)." };
  if (parsed.data.client_id !== oauth.clientId) return { problem: `Unknown client_id “${parsed.data.client_id}”.` };
  if (parsed.data.redirect_uri !== oauth.redirectUri) {
    return { problem: `redirect_uri “${parsed.data.redirect_uri}” is not one this app allows.` };
  }
  return parsed.data;
}

/** Where the browser goes after the user decides, with `code` or `error` and the state echoed. */
export function redirectBack(req: AuthorizeRequest, result: { code: string } | { error: string; error_description: string }): string {
  const url = new URL(req.redirect_uri);
  for (const [k, v] of Object.entries(result)) url.searchParams.set(k, v);
  if (req.state !== undefined) url.searchParams.set("state", req.state);
  return url.toString();
}
