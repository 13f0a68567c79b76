"use server";

import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db/client";
import { isStoreBusy } from "@/server/db/poolWait";
import { isStoreUnavailable } from "@/server/db/storeFailure";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/clientAddress";
import { logger } from "@/server/log/logger";
import { STATE_COOKIE, stateCookieOptions } from "@/server/oauth/browserBinding";
import { connectForm, connectQuery, stripeAccountId } from "@/server/oauth/connectForm";
import { takeConnectStart } from "@/server/oauth/connectRateLimit";
import { ConnectError, startInstall } from "@/server/oauth/startInstall";
import type { NeededPermission } from "@/server/sources/stripe/keyCheck";

/**
 * The connect form's action: settle the workspace, bind a state to it (and to this browser
 * by cookie), then send the browser to Stripe. A failure comes back to the page as an
 * error code; the key itself (Stigg's or Stripe's) never travels back.
 */
export async function connectAction(formData: FormData): Promise<never> {
  const fields = Object.fromEntries([...formData].filter(([k, v]) => !k.startsWith("$") && typeof v === "string"));
  const parsed = connectForm.safeParse(fields);
  // Kept on the way back even when the rest of the form is wrong, so the page still names it.
  const accountField = stripeAccountId.safeParse(fields.account);
  const account = accountField.success ? accountField.data : undefined;
  // The choices go back with the error (never the key), so the page keeps them.
  const chosen = connectQuery.pick({ mode: true, workspace: true }).parse(fields);
  const back = (error: string, cannotRead?: NeededPermission[]) => {
    const params = new URLSearchParams({
      error,
      ...(account ? { account } : {}),
      ...(chosen.workspace ? { workspace: chosen.workspace } : {}),
      ...(chosen.mode ? { mode: chosen.mode } : {}),
      ...(cannotRead?.length ? { cannotRead: cannotRead.join(",") } : {}),
    });
    return redirect(`/connect?${params}`);
  };
  if (!parsed.success) return back(formProblem(fields, account));

  const config = getConfig();
  const log = logger().child({ correlationId: randomUUID() });
  // Every start stores a state row: one client gets a few per minute.
  const client = (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  if (!(await takeConnectStart(client, config))) {
    log.warn({ event: "oauth.connect.rate_limited", client }, "too many install starts from one client");
    return back("rate_limited");
  }
  let started: { state: string; url: string };
  try {
    started = await startInstall(parsed.data, { db: await getDb(), config, log });
  } catch (err) {
    if (err instanceof ConnectError) return back(err.reason, err.cannotRead);
    if (isStoreUnavailable(err) || isStoreBusy(err)) {
      log.warn({ err, event: "oauth.connect.store_unavailable" }, "could not start the install: store unavailable");
      return back("store_unavailable");
    }
    log.error({ err, event: "oauth.connect.internal_error" }, "could not start the install");
    return back("internal_error");
  }
  (await cookies()).set(STATE_COOKIE, started.state, stateCookieOptions(config.publicUrl));
  return redirect(started.url);
}

/** The most telling error code for a form that does not parse. */
function formProblem(fields: Record<string, FormDataEntryValue>, account: string | undefined): string {
  if (fields.workspace === "stigg" && !String(fields.stiggApiKey ?? "").trim()) return "missing_key";
  if (fields.workspace === "stripe_billing") {
    const key = String(fields.stripeApiKey ?? "").trim();
    if (!account) return "account_required";
    if (!key) return "missing_restricted_key";
    if (!/^rk_(test|live)_/.test(key)) return "stripe_key_not_restricted";
  }
  return "invalid_input";
}
