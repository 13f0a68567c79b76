"use client";

import { useState } from "react";
import type { InstallMode as Mode } from "@/server/oauth/connectForm";
import { buttonStyle } from "../oauth/Card";

type Workspace = "sandbox" | "stigg";

const label = { display: "block", margin: "8px 0" } as const;
const MODE_LABEL = { live: "Live mode", test: "Test mode", sandbox: "Stripe sandbox" } as const;

/** What the key field accepts; the server checks the same (connectForm) and then asks Stigg. */
const KEY_PATTERN = "server-[A-Za-z0-9._\\-]{8,256}";

/**
 * The connect form. Its choices are the browser's own state: an answer the browser itself
 * can give (no key, a malformed key) never leaves the page, so nothing typed is lost; a
 * refusal from the server comes back with the workspace kind and mode chosen (the key
 * itself never travels back).
 */
export function ConnectForm({
  action,
  account,
  modes,
  offerSandbox,
  workspace: chosenWorkspace,
  mode: chosenMode,
}: {
  action: (form: FormData) => Promise<void>;
  account: string | undefined;
  modes: Mode[];
  offerSandbox: boolean;
  workspace: Workspace | undefined;
  mode: Mode | undefined;
}) {
  const [workspace, setWorkspace] = useState<Workspace>(
    chosenWorkspace === "stigg" || !offerSandbox ? "stigg" : "sandbox",
  );
  const [mode, setMode] = useState<Mode | undefined>(chosenMode && modes.includes(chosenMode) ? chosenMode : modes[0]);
  const [key, setKey] = useState("");
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
            style={{ width: "100%", padding: 6, boxSizing: "border-box" }}
          />
        )}
      </fieldset>
      <fieldset style={{ border: 0, padding: 0, margin: "16px 0" }}>
        <legend style={{ fontWeight: 600 }}>Stripe mode</legend>
        {modes.map((m) => (
          <label key={m} style={label}>
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {MODE_LABEL[m]}
          </label>
        ))}
      </fieldset>
      <button type="submit" style={buttonStyle}>
        Continue to Stripe
      </button>
    </form>
  );
}
