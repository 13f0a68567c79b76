// The two HTML documents of the harness. Both come from this host: Chromium blocks a
// null-origin frame's script loads that are routed elsewhere, and the built bundles live
// in public/preview/ (scripts/build-harness.mjs).

const HTML_HEADERS = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };

/** The preview page: a Stripe customer page with the app drawer, driven by renderer.js. */
export function previewPage(): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stigg App for Stripe — preview</title>
<link rel="icon" href="data:,">
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
 * it may only connect to what the manifest allows: here, this host's API.
 */
export function sandboxDocument(req: Request): Response {
  const url = new URL(req.url);
  const origin = `${url.protocol}//${req.headers.get("host") ?? url.host}`;
  const csp = [
    "default-src 'none'",
    `script-src ${origin}/preview/`,
    `connect-src ${origin}/api/`,
    `img-src ${origin} data: https:`,
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
