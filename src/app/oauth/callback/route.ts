import { NextResponse, type NextRequest } from "next/server";
import { CORRELATION_HEADER } from "@/contract";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db/client";
import { isStoreBusy } from "@/server/db/poolWait";
import { isStoreUnavailable } from "@/server/db/storeFailure";
import { correlationIdFrom } from "@/server/log/correlation";
import { logger } from "@/server/log/logger";
import { STATE_COOKIE, stateCookieOptions } from "@/server/oauth/browserBinding";
import { completeInstall } from "@/server/oauth/completeInstall";
import type { InstallOutcome } from "@/server/oauth/installOutcome";
import { encodeResult, RESULT_COOKIE, RESULT_PATH, resultCookieOptions } from "@/server/oauth/resultCookie";

export const dynamic = "force-dynamic";

/**
 * The manifest's redirect URI: Stripe sends the browser here with `code` + `state`, or
 * `error`. Does the install, then sends the browser on to the result page (303).
 */
export async function GET(req: NextRequest): Promise<Response> {
  const config = getConfig();
  const correlationId = correlationIdFrom(req.headers);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(req.nextUrl.searchParams.keys())) {
    const values = req.nextUrl.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  const log = logger().child({ correlationId });
  let outcome: InstallOutcome;
  try {
    outcome = await completeInstall(query, req.cookies.get(STATE_COOKIE)?.value, { db: await getDb(), config, log });
  } catch (err) {
    // Still a page the user can act on, with the reference that finds this log line.
    if (isStoreUnavailable(err) || isStoreBusy(err)) {
      log.warn({ err, event: "oauth.callback.store_unavailable" }, "install failed: the store is unavailable");
      outcome = { kind: "store_unavailable" };
    } else {
      log.error({ err, event: "oauth.callback.internal_error" }, "install failed on this host");
      outcome = { kind: "internal_error" };
    }
  }

  const res = NextResponse.redirect(`${config.publicUrl}${RESULT_PATH}`, 303);
  res.cookies.set(RESULT_COOKIE, encodeResult({ outcome, correlationId }), resultCookieOptions(config.publicUrl));
  res.cookies.set(STATE_COOKIE, "", { ...stateCookieOptions(config.publicUrl), maxAge: 0 });
  res.headers.set(CORRELATION_HEADER, correlationId);
  res.headers.set("cache-control", "no-store");
  // The URL held a code and a state: don't pass it on to the next page's requests.
  res.headers.set("referrer-policy", "no-referrer");
  return res;
}
