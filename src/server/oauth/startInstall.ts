import type { Logger } from "pino";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { keyringFor } from "../crypto/keyring";
import { SANDBOX_WORKSPACE_ID } from "../../../prisma/seed/demoData";
import { demoStripeApiUrl } from "../db/client";
import { checkRestrictedKey, type NeededPermission, type RestrictedKeyCheck } from "../sources/stripe/keyCheck";
import { authorizeUrl } from "./authorizeUrl";
import type { ConnectForm } from "./connectForm";
import { createState } from "./state";
import { checkStiggKey, StiggKeyError } from "./stiggKeyCheck";
import { upsertStiggWorkspace } from "./stiggWorkspace";
import { upsertStripeBillingWorkspace } from "./stripeBillingWorkspace";

export type ConnectFailure =
  | "sandbox_unavailable"
  | "mode_unavailable"
  | "not_configured"
  | "stigg_key_rejected"
  | "stigg_unreachable"
  | "stigg_unexpected_response"
  | "stripe_billing_unavailable"
  | StripeKeyFailure;

/** Each way a restricted key can fail its check (keyCheck.ts), as the connect page names it. */
export type StripeKeyFailure =
  | "stripe_key_not_restricted"
  | "stripe_key_wrong_mode"
  | "stripe_key_rejected"
  | "stripe_key_missing_permissions"
  | "stripe_key_cannot_read_account"
  | "stripe_key_other_account"
  | "stripe_unreachable";

export class ConnectError extends Error {
  constructor(
    readonly reason: ConnectFailure,
    /** For `stripe_key_missing_permissions`: what the key cannot read. */
    readonly cannotRead?: NeededPermission[],
  ) {
    super(`cannot start the install: ${reason}`);
    this.name = "ConnectError";
  }
}

type Deps = {
  db: Db;
  config: Pick<Config, "mode" | "encryptionKeys" | "oauth" | "stiggApiUrl" | "stripeBillingSource" | "publicUrl">;
  log: Logger;
};

/** How long the restricted key's check may take, as for a Stigg key's. */
const KEY_CHECK_BUDGET_MS = 10_000;

/** Stripe environments this host can finish an install in: those with a secret key to exchange codes. */
export function availableModes(config: Pick<Config, "oauth">): ("test" | "live" | "sandbox")[] {
  const { live, test, sandbox } = config.oauth.secretKeys;
  return [...(test ? (["test"] as const) : []), ...(live ? (["live"] as const) : []), ...(sandbox ? (["sandbox"] as const) : [])];
}

/** The sandbox workspace is offered only in sandbox mode, where it is seeded. */
export function sandboxOffered(config: Pick<Config, "mode">): boolean {
  return config.mode === "sandbox";
}

/**
 * Where this host reads a Stripe Billing workspace: in sandbox mode its own stand-in (as the
 * demo does), otherwise Stripe's own. Never a URL from the user: the key is sent to it.
 */
export function stripeApiUrlFor(config: Pick<Config, "mode" | "publicUrl">): string | null {
  return config.mode === "sandbox" ? demoStripeApiUrl(config.publicUrl) : null;
}

function keyFailure(check: Extract<RestrictedKeyCheck, { ok: false }>): ConnectError {
  switch (check.problem) {
    case "not_restricted":
      return new ConnectError("stripe_key_not_restricted");
    case "wrong_mode":
      return new ConnectError("stripe_key_wrong_mode");
    case "rejected":
      return new ConnectError("stripe_key_rejected");
    case "missing_permissions":
      // An empty list: the key reads everything the source needs but not its own account.
      return check.cannotRead?.length
        ? new ConnectError("stripe_key_missing_permissions", check.cannotRead)
        : new ConnectError("stripe_key_cannot_read_account");
    case "other_account":
      return new ConnectError("stripe_key_other_account");
    case "unreachable":
      return new ConnectError("stripe_unreachable");
  }
}

/**
 * The connect page's action: settle the workspace (a Stigg key is checked against Stigg, a
 * restricted key against Stripe and the form's account, before anything is stored), bind a fresh state to it and the Stripe mode, and return
 * Stripe's authorize URL. The raw state goes back too, for the browser-binding cookie.
 */
export async function startInstall(form: ConnectForm, deps: Deps): Promise<{ state: string; url: string }> {
  const { db, config, log } = deps;
  if (!availableModes(config).includes(form.mode)) throw new ConnectError("mode_unavailable");
  // Checked before anything is stored: authorizeUrl() needs the client id.
  if (!config.oauth.clientId) throw new ConnectError("not_configured");

  let workspaceId: string;
  if (form.workspace === "sandbox") {
    const sandbox = sandboxOffered(config) && (await db.workspace.findUnique({ where: { id: SANDBOX_WORKSPACE_ID } }));
    if (!sandbox) throw new ConnectError("sandbox_unavailable");
    workspaceId = sandbox.id;
  } else if (form.workspace === "stripe_billing") {
    if (!config.stripeBillingSource) throw new ConnectError("stripe_billing_unavailable");
    const livemode = form.mode === "live";
    const apiUrl = stripeApiUrlFor(config);
    const check = await checkRestrictedKey({
      apiKey: form.stripeApiKey,
      accountId: form.account,
      livemode,
      apiUrl,
      deadline: Date.now() + KEY_CHECK_BUDGET_MS,
    });
    if (!check.ok) {
      log.warn({ event: "oauth.connect.stripe_key", problem: check.problem, cannotRead: check.cannotRead, account: form.account }, "restricted key check failed");
      throw keyFailure(check);
    }
    const keyring = keyringFor(config);
    workspaceId = (await upsertStripeBillingWorkspace(db, { stripeAccountId: form.account, livemode, apiUrl, apiKey: form.stripeApiKey }, keyring)).id;
  } else {
    try {
      await checkStiggKey(config.stiggApiUrl, form.stiggApiKey);
    } catch (err) {
      if (!(err instanceof StiggKeyError)) throw err;
      log.warn({ event: "oauth.connect.stigg_key", reason: err.reason }, "Stigg key check failed");
      throw new ConnectError(`stigg_${err.reason === "rejected" ? "key_rejected" : err.reason}`);
    }
    workspaceId = (await upsertStiggWorkspace(db, { apiUrl: config.stiggApiUrl, apiKey: form.stiggApiKey }, keyringFor(config))).id;
  }

  const state = await createState(db, {
    workspaceId,
    livemode: form.mode === "live",
    sandbox: form.mode === "sandbox",
    ...(form.account ? { stripeAccountId: form.account } : {}),
  });
  log.info({ event: "oauth.connect.started", workspaceId, mode: form.mode, account: form.account }, "install started");
  return { state, url: authorizeUrl(config.oauth, state) };
}
