// The two HTML documents of the harness. Both come from this host: Chromium blocks a
// null-origin frame's script loads that are routed elsewhere, and the built bundles live
// in public/preview/ (scripts/build-harness.mjs).

const HTML_HEADERS = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };

/**
 * The preview page: a Stripe customer page with the app drawer, driven by renderer.js.
 * Opened at another host than PUBLIC_URL's (127.0.0.1 for localhost, say), it sends the
 * browser to PUBLIC_URL's: the sandbox document's CSP only lets the drawer call that origin.
 */
export function previewPage(req: Request, publicUrl: string): Response {
  const url = new URL(req.url);
  const publicOrigin = new URL(publicUrl);
  if (req.headers.get("host") !== publicOrigin.host) {
    return Response.redirect(`${publicOrigin.origin}${url.pathname}${url.search}`, 307);
  }
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stigg App for Stripe — preview</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/preview/renderer.css">
</head>
<body>
<div id="harness-root"></div>
<script src="/preview/renderer.js"></script>
</body>
</html>`;
  return new Response(html, { headers: HTML_HEADERS });
}

/**
 * The extension's frame. Loaded with sandbox="allow-scripts" (null origin). Like Stripe,
 * it may only connect to what the manifest allows: here, this host's API, at PUBLIC_URL.
 * The Host header is the client's to choose, so nothing here is built from it.
 */
export function sandboxDocument(publicUrl: string): Response {
  const origin = new URL(publicUrl).origin;
  const csp = [
    "default-src 'none'",
    `script-src ${origin}/preview/`,
    `connect-src ${origin}/api/`,
    `img-src ${origin} data: https:`,
    // Only the preview page hosts it.
    `frame-ancestors ${origin}`,
    "base-uri 'none'",
  ].join("; ");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Extension sandbox</title></head>
<body>
<script src="${origin}/preview/sandbox.js"></script>
</body>
</html>`;
  return new Response(html, { headers: { ...HTML_HEADERS, "Content-Security-Policy": csp } });
}
