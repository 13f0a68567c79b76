import type { Logger } from "pino";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { keyringFor } from "../crypto/keyring";
import { environmentOf, OAuthNotConfiguredError, SECRET_KEY_VARIABLE, secretKeyFor, type StripeEnvironment } from "./authorizeUrl";
import { isSameBrowser } from "./browserBinding";
import { callbackQuery } from "./callbackQuery";
import type { InstallOutcome } from "./installOutcome";
import { linkAccount } from "./linkAccount";
import { consumeState, inspectState, linkOfSpentState, StateError } from "./state";
import { exchangeCode, type InstallGrant, TokenExchangeError } from "./tokenExchange";

export interface InstallDeps {
  db: Db;
  config: Pick<Config, "mode" | "encryptionKeys" | "oauth">;
  log: Logger;
}

/**
 * The callback's work: check the state (known, fresh, unused, from this browser), exchange
 * the code in the state's Stripe environment, and upsert the link. Every failure returns
 * before the link is written, so a failed install stores nothing but the spent state.
 * A code without a state is an install made from Stripe's Marketplace (Stripe sends it to
 * the first allowed redirect URI with no state of ours): see `completeMarketplaceInstall`.
 */
export async function completeInstall(
  rawQuery: Record<string, string | string[] | undefined>,
  cookieState: string | undefined,
  deps: InstallDeps,
): Promise<InstallOutcome> {
  const { db, config, log } = deps;
  const parsed = callbackQuery.safeParse(rawQuery);
  if (!parsed.success) {
    log.warn({ event: "oauth.callback.bad_request" }, "malformed callback parameters");
    return { kind: "bad_request" };
  }
  const { code, state, error } = parsed.data;

  if (error) {
    // Burn the state so the same link can't be replayed with a code later.
    if (state && isSameBrowser(cookieState, state)) await consumeState(db, state).catch(() => undefined);
    const safeError = error.replace(/[^A-Za-z0-9_]/g, "").slice(0, 64);
    log.info({ event: "oauth.callback.stripe_error", error: safeError }, "Stripe returned an error instead of a code");
    return safeError === "access_denied" ? { kind: "denied" } : { kind: "stripe_error", error: safeError };
  }
  if (code && !state) return completeMarketplaceInstall(code, deps);
  if (!code || !state) return { kind: "bad_request" };
  if (!isSameBrowser(cookieState, state)) {
    // A spent or stale state says so (say, the Back button after an install); a live one
    // stays usable by the browser that holds it.
    const reason = (await inspectState(db, state)) ?? "other_browser";
    log.warn({ event: "oauth.callback.state_rejected", reason }, "state rejected");
    const done = reason === "reused" ? await linkOfSpentState(db, state) : undefined;
    if (done) return { kind: "already_linked", ...done };
    return { kind: "state_rejected", reason };
  }

  try {
    const binding = await consumeState(db, state);
    const grant = await exchangeCode({
      apiBase: config.oauth.apiBase,
      secretKey: secretKeyFor(config.oauth, environmentOf(binding)),
      code,
    });
    if (grant.livemode !== binding.livemode) {
      log.warn({ event: "oauth.callback.mode_mismatch", stateLivemode: binding.livemode }, "install mode differs");
      return { kind: "mode_mismatch" };
    }
    const workspace = await db.workspace.findUniqueOrThrow({ where: { id: binding.workspaceId } });
    // A restricted key was checked against the account the flow started from: it must not
    // serve another account's Dashboard.
    if (workspace.sourceKind === "stripe_billing" && grant.stripeUserId !== binding.stripeAccountId) {
      log.warn(
        { event: "oauth.callback.key_account_mismatch", stripeAccountId: grant.stripeUserId, keyAccountId: binding.stripeAccountId },
        "Stripe Billing install approved on another account than its key's",
      );
      return {
        kind: "key_account_mismatch",
        stripeAccountId: grant.stripeUserId,
        ...(binding.stripeAccountId ? { keyAccountId: binding.stripeAccountId } : {}),
      };
    }
    const { reinstalled } = await linkAccount(
      db,
      {
        stripeAccountId: grant.stripeUserId,
        livemode: grant.livemode,
        sandbox: binding.sandbox ?? false,
        workspaceId: workspace.id,
        scope: grant.scope,
        refreshToken: grant.refreshToken,
      },
      keyringFor(config),
    );
    log.info(
      {
        event: "oauth.linked",
        stripeAccountId: grant.stripeUserId,
        livemode: grant.livemode,
        sandbox: binding.sandbox ?? false,
        workspaceId: workspace.id,
        reinstalled,
      },
      "Stripe account linked",
    );
    return {
      kind: "linked",
      stripeAccountId: grant.stripeUserId,
      livemode: grant.livemode,
      sandbox: binding.sandbox ?? false,
      workspaceName: workspace.displayName,
      reinstalled,
      ...(binding.stripeAccountId && binding.stripeAccountId !== grant.stripeUserId
        ? { startedFromAccountId: binding.stripeAccountId }
        : {}),
    };
  } catch (err) {
    if (err instanceof StateError) {
      log.warn({ event: "oauth.callback.state_rejected", reason: err.reason }, "state rejected");
      return { kind: "state_rejected", reason: err.reason };
    }
    if (err instanceof OAuthNotConfiguredError) {
      log.error({ event: "oauth.callback.not_configured", missing: err.missing }, err.message);
      return { kind: "not_configured", missing: err.missing };
    }
    if (err instanceof TokenExchangeError) {
      log.warn({ event: "oauth.callback.exchange_failed", reason: err.reason, detail: err.detail }, "token exchange failed");
      return { kind: "exchange_failed", reason: err.reason };
    }
    throw err;
  }
}

/** The order a Marketplace install's code is tried in: each environment this host has a key for. */
const MARKETPLACE_ORDER: StripeEnvironment[] = ["live", "test", "sandbox"];

/**
 * An install started from Stripe's Marketplace: no workspace was chosen, so nothing is
 * linked or stored. The code is exchanged to learn, from Stripe, which account installed
 * and in which environment (each configured key in turn while Stripe answers that the code
 * is not that key's); the result page then says the app is installed and leads to the
 * connect page for that account and mode, where the user picks the workspace. A bad, used
 * or expired code ends on a page that says so.
 */
async function completeMarketplaceInstall(code: string, deps: InstallDeps): Promise<InstallOutcome> {
  const { config, log } = deps;
  const environments = MARKETPLACE_ORDER.filter((e) => config.oauth.secretKeys[e]);
  if (environments.length === 0) {
    log.error({ event: "oauth.callback.not_configured" }, "no Stripe secret key to exchange a Marketplace install's code");
    return { kind: "not_configured", missing: MARKETPLACE_ORDER.map((e) => SECRET_KEY_VARIABLE[e]) };
  }
  let failure: TokenExchangeError | undefined;
  for (const environment of environments) {
    let grant: InstallGrant;
    try {
      grant = await exchangeCode({ apiBase: config.oauth.apiBase, secretKey: secretKeyFor(config.oauth, environment), code });
    } catch (err) {
      if (!(err instanceof TokenExchangeError)) throw err;
      failure = err;
      if (err.reason === "invalid_grant") continue;
      break;
    }
    if (grant.livemode !== (environment === "live")) {
      log.warn({ event: "oauth.callback.mode_mismatch", environment }, "Marketplace install's mode differs from its key's");
      return { kind: "mode_mismatch" };
    }
    log.info(
      { event: "oauth.marketplace_installed", stripeAccountId: grant.stripeUserId, environment },
      "installed from the Marketplace: a workspace is still to be chosen",
    );
    return { kind: "installed", stripeAccountId: grant.stripeUserId, mode: environment };
  }
  log.warn({ event: "oauth.callback.exchange_failed", reason: failure!.reason, detail: failure!.detail, marketplace: true }, "token exchange failed");
  return { kind: "exchange_failed", reason: failure!.reason };
}


