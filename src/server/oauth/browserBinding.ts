import { createHash, timingSafeEqual } from "node:crypto";
import { STATE_TTL_MS } from "./state";

/**
 * The state also rides in an HttpOnly cookie of the browser that opened the connect page,
 * and the callback requires both to match. Without it, someone could start an install for
 * their own workspace and get a victim to approve it (login CSRF, RFC 6749 §10.12).
 */
export const STATE_COOKIE = "stigg_oauth_state";

export function stateCookieOptions(publicUrl: string) {
  return {
    httpOnly: true,
    // Lax: the cookie comes along on Stripe's top-level redirect back to the callback.
    sameSite: "lax" as const,
    secure: publicUrl.startsWith("https://"),
    path: "/oauth/callback",
    maxAge: STATE_TTL_MS / 1000,
  };
}

export function isSameBrowser(cookieState: string | undefined, state: string): boolean {
  if (!cookieState) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(cookieState), digest(state));
}
