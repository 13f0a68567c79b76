import { installPageMetadata } from "@/app/oauth/metadata";
import { getConfig } from "@/server/config";
import { connectQuery } from "@/server/oauth/connectForm";
import { availableModes, sandboxOffered } from "@/server/oauth/startInstall";
import { buttonStyle, Card } from "../oauth/Card";
import { connectAction } from "./actions";
import { connectErrorMessage } from "./errorMessages";

export const dynamic = "force-dynamic";
export const metadata = installPageMetadata("Connect Stigg — Stigg App for Stripe");

type SearchParams = Record<string, string | string[] | undefined>;

const label = { display: "block", margin: "8px 0" } as const;
const MODE_LABEL = { live: "Live mode", test: "Test mode", sandbox: "Stripe sandbox" } as const;

/** Reached from the drawer's Gate ("Connect Stigg") as `/connect?account=acct_…`, or directly. */
export default async function ConnectPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const config = getConfig();
  const query = connectQuery.safeParse(await searchParams);
  const account = query.success ? query.data.account : undefined;
  const wantedMode = query.success ? query.data.mode : undefined;
  const error = query.success ? connectErrorMessage(query.data.error) : "That link has a malformed account id; pick the account in Stripe instead.";
  const modes = availableModes(config);
  const checkedMode = wantedMode && modes.includes(wantedMode) ? wantedMode : modes[0];
  const offerSandbox = sandboxOffered(config);

  return (
    <Card title="Connect Stigg to your Stripe account">
      <p>
        Choose the Stigg workspace whose entitlements the Stripe Dashboard should show
        {account ? (
          <>
            {" "}
            for <code>{account}</code>
          </>
        ) : null}
        . You will then approve the install in Stripe. The app only reads; it never changes Stigg or Stripe.
      </p>
      {error && (
        <p role="alert" style={{ background: "#fff0f3", border: "1px solid #f5c2cf", borderRadius: 6, padding: "8px 12px" }}>
          {error}
        </p>
      )}
      {modes.length === 0 ? (
        <p role="alert">This server has no Stripe secret key configured, so it cannot complete an install. Ask the administrator.</p>
      ) : (
        <form action={connectAction}>
          {account && <input type="hidden" name="account" value={account} />}
          {/* The key belongs to the Stigg choice: hidden (out of reach) while Demo workspace is chosen. */}
          <style>{`.connect-workspace:has(input[value="sandbox"]:checked) input[name="stiggApiKey"] { display: none; }`}</style>
          <fieldset className="connect-workspace" style={{ border: 0, padding: 0, margin: "16px 0" }}>
            <legend style={{ fontWeight: 600 }}>Workspace</legend>
            {offerSandbox && (
              <label style={label}>
                <input type="radio" name="workspace" value="sandbox" defaultChecked /> Demo workspace
              </label>
            )}
            <label style={label}>
              <input type="radio" name="workspace" value="stigg" defaultChecked={!offerSandbox} /> A Stigg environment, by its server API key
            </label>
            <input
              type="password"
              name="stiggApiKey"
              placeholder="server-…"
              autoComplete="off"
              aria-label="Stigg server API key"
              style={{ width: "100%", padding: 6, boxSizing: "border-box" }}
            />
          </fieldset>
          <fieldset style={{ border: 0, padding: 0, margin: "16px 0" }}>
            <legend style={{ fontWeight: 600 }}>Stripe mode</legend>
            {modes.map((mode) => (
              <label key={mode} style={label}>
                <input type="radio" name="mode" value={mode} defaultChecked={mode === checkedMode} /> {MODE_LABEL[mode]}
              </label>
            ))}
          </fieldset>
          <button type="submit" style={buttonStyle}>
            Continue to Stripe
          </button>
        </form>
      )}
      {config.mode === "sandbox" && (
        <p style={{ color: "#697386", fontSize: 13, marginTop: 20 }}>
          Sandbox mode: “Continue” goes to a local stand-in for Stripe&apos;s install page, not to Stripe.
        </p>
      )}
    </Card>
  );
}
