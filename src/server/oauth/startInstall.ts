import type { Logger } from "pino";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { keyringFor } from "../crypto/keyring";
import { SANDBOX_WORKSPACE_ID } from "../../../prisma/seed/demoData";
import { authorizeUrl } from "./authorizeUrl";
import type { ConnectForm } from "./connectForm";
import { createState } from "./state";
import { checkStiggKey, StiggKeyError } from "./stiggKeyCheck";
import { upsertStiggWorkspace } from "./stiggWorkspace";

export type ConnectFailure =
  | "sandbox_unavailable"
  | "mode_unavailable"
  | "not_configured"
  | "stigg_key_rejected"
  | "stigg_unreachable"
  | "stigg_unexpected_response";

export class ConnectError extends Error {
  constructor(readonly reason: ConnectFailure) {
    super(`cannot start the install: ${reason}`);
    this.name = "ConnectError";
  }
}

type Deps = { db: Db; config: Pick<Config, "mode" | "encryptionKeys" | "oauth" | "stiggApiUrl">; log: Logger };

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
 * The connect page's action: settle the workspace (a Stigg key is checked against Stigg
 * before anything is stored), bind a fresh state to it and the Stripe mode, and return
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
