import { NextResponse } from "next/server";
import { getConfig } from "@/server/config";

// The preview harness is sandbox-only. Its routes check the mode themselves; its built
// bundles are static files in public/preview/, which only a proxy can keep from being
// served in live mode.
export const config = { matcher: ["/preview/:path*"] };

export function proxy() {
  return getConfig().mode === "sandbox" ? NextResponse.next() : new NextResponse("Not Found", { status: 404 });
}
