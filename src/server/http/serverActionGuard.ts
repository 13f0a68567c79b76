import { NextResponse } from "next/server";

/** Server actions post a few form fields; Next enforces the same limit (next.config.js). */
export const SERVER_ACTION_MAX_BYTES = 64 * 1024;

/** What Next takes for a server action: a fetch with Next-Action, or a plain form post. */
function isPossibleServerAction(req: Request, pathname: string): boolean {
  if (req.method !== "POST") return false;
  // Route handlers read their own bodies (with caps) and answer for themselves.
  if (pathname.startsWith("/api/") || pathname.startsWith("/dev/")) return false;
  if (req.headers.has("next-action")) return true;
  const type = req.headers.get("content-type") ?? "";
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before Next does, what Next would refuse with a 500: a post from another
 * origin (CSRF; Next compares Origin with the forwarded host, and so does this, or with
 * PUBLIC_URL), and a body over the limit (Content-Length is required, so the limit holds
 * before a byte is read). Null when the request may go on.
 */
export function refuseServerActionPost(req: Request, publicUrl: string): NextResponse | null {
  const pathname = new URL(req.url).pathname;
  if (!isPossibleServerAction(req, pathname)) return null;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    const originHost = origin === "null" ? "null" : hostOf(origin);
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    if (originHost !== host && originHost !== new URL(publicUrl).host) {
      return new NextResponse("Forbidden: this form may only be posted from this site.", { status: 403 });
    }
  }
  const length = req.headers.get("content-length");
  if (length === null) return new NextResponse("Length Required", { status: 411 });
  if (!/^\d+$/.test(length) || Number(length) > SERVER_ACTION_MAX_BYTES) {
    return new NextResponse(`Payload Too Large: at most ${SERVER_ACTION_MAX_BYTES} bytes.`, { status: 413 });
  }
  return null;
}
