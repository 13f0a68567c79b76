/**
 * Headers for every response the proxy sees. The CSP is about framing and injection sinks,
 * not scripts: Next's pages carry inline scripts, and the connect page's form must still be
 * able to leave for Stripe.
 */
export function pageSecurityHeaders(pathname: string, publicUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    // Same-origin posts keep their Origin (server actions check it); nothing leaks to Stripe.
    // The OAuth pages' URLs held a code and a state: those pass on nothing at all.
    "Referrer-Policy": pathname.startsWith("/oauth/") ? "no-referrer" : "same-origin",
  };
  // The API answers JSON to a null-origin frame; the extension's sandbox document sends its own CSP.
  if (pathname.startsWith("/api/") || pathname === "/preview/sandbox") return headers;
  const origin = new URL(publicUrl).origin;
  const directives = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"];
  // The preview page hosts the extension in a sandboxed frame of its own document.
  if (pathname === "/preview") directives.push(`frame-src ${origin}/preview/sandbox`);
  headers["Content-Security-Policy"] = directives.join("; ");
  return headers;
}

/**
 * What every answer carries, written at the front door (frontDoor.ts) so that static
 * files, framework errors and Node's own refusals carry it too. HSTS only when the host
 * is public over https: on plain http a browser ignores it anyway.
 */
export function everyResponseHeaders(publicUrl: string): Record<string, string> {
  const headers: Record<string, string> = { "X-Content-Type-Options": "nosniff" };
  if (new URL(publicUrl).protocol === "https:") headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}
