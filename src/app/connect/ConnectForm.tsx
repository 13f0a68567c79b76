"use client";

import { useState } from "react";
import type { InstallMode as Mode, WorkspaceChoice as Workspace } from "@/server/oauth/connectForm";
import { buttonStyle } from "../oauth/Card";

const label = { display: "block", margin: "8px 0" } as const;
const MODE_LABEL = { live: "Live mode", test: "Test mode", sandbox: "Stripe sandbox" } as const;

/** What the key field accepts; the server checks the same (connectForm) and then asks Stigg. */
const KEY_PATTERN = "server-[A-Za-z0-9._\\-]{8,256}";
/** What the restricted-key field accepts; Stripe then checks its mode, permissions and account (keyCheck). */
const RESTRICTED_KEY_PATTERN = "rk_(test|live)_[A-Za-z0-9]{8,256}";

const keyField = { width: "100%", padding: 6, boxSizing: "border-box" } as const;

/**
 * The connect form. Its choices are the browser's own state: an answer the browser itself
 * can give (no key, a malformed key) never leaves the page, so nothing typed is lost; a
 * refusal from the server comes back with the workspace kind and mode chosen (the key
 * itself never travels back). The Stripe Billing kind is offered where the operator enables
 * it; its key is checked against the account, so without one it asks to start from the Gate.
 */
export function ConnectForm({
  action,
  account,
  modes,
  offerSandbox,
  stripeBilling,
  workspace: chosenWorkspace,
  mode: chosenMode,
}: {
  action: (form: FormData) => Promise<void>;
  account: string | undefined;
  modes: Mode[];
  offerSandbox: boolean;
  /** Offered (STRIPE_BILLING_SOURCE): the permissions hint, and what to say when the page has no account. */
  stripeBilling: { permissionsHint: string; accountRequired: string } | undefined;
  workspace: Workspace | undefined;
  mode: Mode | undefined;
}) {
  const [workspace, setWorkspace] = useState<Workspace>(
    chosenWorkspace === "stripe_billing" && stripeBilling
      ? "stripe_billing"
      : chosenWorkspace === "stigg" || !offerSandbox
        ? "stigg"
        : "sandbox",
  );
  const [mode, setMode] = useState<Mode | undefined>(chosenMode && modes.includes(chosenMode) ? chosenMode : modes[0]);
  const [key, setKey] = useState("");
  const [restrictedKey, setRestrictedKey] = useState("");
  const noAccount = workspace === "stripe_billing" && !account;
  return (
    <form action={action}>
      {account && <input type="hidden" name="account" value={account} />}
      <fieldset style={{ border: 0, padding: 0, margin: "16px 0" }}>
        <legend style={{ fontWeight: 600 }}>Workspace</legend>
        {offerSandbox && (
          <label style={label}>
            <input type="radio" name="workspace" value="sandbox" checked={workspace === "sandbox"} onChange={() => setWorkspace("sandbox")} /> Demo workspace
          </label>
        )}
        <label style={label}>
          <input type="radio" name="workspace" value="stigg" checked={workspace === "stigg"} onChange={() => setWorkspace("stigg")} /> A Stigg environment, by its server API key
        </label>
        {/* The key belongs to the Stigg choice: out of the form while Demo workspace is chosen. */}
        {workspace === "stigg" && (
          <input
            type="password"
            name="stiggApiKey"
            placeholder="server-…"
            autoComplete="off"
            aria-label="Stigg server API key"
            required
            pattern={KEY_PATTERN}
            title="The server API key of your Stigg environment: it starts with “server-”."
            value={key}
            onChange={(e) => setKey(e.target.value)}
            style={keyField}
          />
        )}
        {stripeBilling && (
          <label style={label}>
            <input
              type="radio"
              name="workspace"
              value="stripe_billing"
              checked={workspace === "stripe_billing"}
              onChange={() => setWorkspace("stripe_billing")}
            />{" "}
            Stripe Billing (this account&apos;s own data)
          </label>
        )}
        {stripeBilling && workspace === "stripe_billing" && (noAccount ? (
          <p role="alert">{stripeBilling.accountRequired}</p>
        ) : (
          <>
            <input
              type="password"
              name="stripeApiKey"
              placeholder="rk_test_… or rk_live_…"
              autoComplete="off"
              aria-label="Stripe restricted key"
              required
              pattern={RESTRICTED_KEY_PATTERN}
              title="A restricted key of this Stripe account: it starts with “rk_test_” or “rk_live_”."
              value={restrictedKey}
              onChange={(e) => setRestrictedKey(e.target.value)}
              style={keyField}
            />
            <p style={{ color: "#697386", fontSize: 13, margin: "6px 0 0" }}>{stripeBilling.permissionsHint}</p>
          </>
        ))}
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: "16px 0" }}>
        <legend style={{ fontWeight: 600 }}>Stripe mode</legend>
        {modes.map((m) => (
          <label key={m} style={label}>
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {MODE_LABEL[m]}
          </label>
        ))}
      </fieldset>
      <button type="submit" style={buttonStyle} disabled={noAccount}>
        Continue to Stripe
      </button>
    </form>
  );
}
