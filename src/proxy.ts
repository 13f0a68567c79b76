import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/server/config";
import { pageSecurityHeaders } from "@/server/http/securityHeaders";
import { refuseServerActionPost } from "@/server/http/serverActionGuard";

// Every request but Next's own static chunks and the tRPC API: pages get their security
// headers, posts to pages (server actions) are checked before Next's handler would fail
// them with a 500, and the sandbox-only preview harness, whose built bundles are static
// files in public/preview/, is absent in live mode. The API answers its own headers
// (src/server/api/handler.ts) and takes no form posts; running the proxy on each of its
// requests cost CPU for nothing.
export const config = { matcher: ["/((?!_next/static/|_next/image|api/trpc/).*)"] };

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const { mode, publicUrl } = getConfig();
  if (mode !== "sandbox" && (pathname === "/preview" || pathname.startsWith("/preview/"))) {
    return new NextResponse("Not Found", { status: 404, headers: { "Content-Type": "text/plain" } });
  }
  const refused = refuseServerActionPost(req, publicUrl);
  const res = refused ?? NextResponse.next();
  for (const [name, value] of Object.entries(pageSecurityHeaders(pathname, publicUrl))) res.headers.set(name, value);
  return res;
}
