import { installPageMetadata } from "@/app/oauth/metadata";
import { STRIPE_BILLING_GATE_ACTION } from "@/contract";
import { getConfig } from "@/server/config";
import { connectQuery } from "@/server/oauth/connectForm";
import { availableModes, sandboxOffered } from "@/server/oauth/startInstall";
import { NEEDED_PERMISSIONS } from "@/server/sources/stripe/keyCheck";
import { Card } from "../oauth/Card";
import { connectAction } from "./actions";
import { ConnectForm } from "./ConnectForm";
import { CONNECT_ERRORS, connectErrorMessage } from "./errorMessages";

export const dynamic = "force-dynamic";
export const metadata = installPageMetadata("Connect Stigg — Stigg App for Stripe");

type SearchParams = Record<string, string | string[] | undefined>;

/** What the restricted-key field says to grant: Read on what the source reads, and on the account (whose key it is). */
const PERMISSIONS_HINT = `Create a restricted key with Read access to ${NEEDED_PERMISSIONS.join(", ")} and Account (nothing else).`;

/**
 * Reached from the drawer's Gate ("Connect Stigg") as `/connect?account=acct_…` (settings add
 * `&mode=` for the mode it lacks; its Stripe Billing action `&kind=stripe_billing`), or
 * directly; a refused attempt returns here with its choices.
 */
export default async function ConnectPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const config = getConfig();
  const query = connectQuery.safeParse(await searchParams);
  const account = query.success ? query.data.account : undefined;
  const error = query.success
    ? connectErrorMessage(query.data.error, query.data.cannotRead)
    : "That link has a malformed account id; pick the account in Stripe instead.";
  const modes = availableModes(config);
  const offerSandbox = sandboxOffered(config);
  const stripeBilling = config.stripeBillingSource
    ? { permissionsHint: PERMISSIONS_HINT, accountRequired: CONNECT_ERRORS.account_required }
    : undefined;
  const workspace = query.success ? (query.data.workspace ?? query.data.kind) : undefined;
  // Reached from the Gate's Stripe Billing action: the page says what that action does.
  const billingChosen = workspace === "stripe_billing" && stripeBilling !== undefined;

  return (
    <Card title={billingChosen ? STRIPE_BILLING_GATE_ACTION : "Connect Stigg to your Stripe account"}>
      <p>
        {billingChosen
          ? "Paste a restricted key of this Stripe account, so the Stripe Dashboard shows its customers' features, usage and credits from its own Stripe Billing data"
          : "Choose the Stigg workspace whose entitlements the Stripe Dashboard should show"}
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
        <ConnectForm
          action={connectAction}
          account={account}
          modes={modes}
          offerSandbox={offerSandbox}
          stripeBilling={stripeBilling}
          workspace={workspace}
          mode={query.success ? query.data.mode : undefined}
        />
      )}
      {config.mode === "sandbox" && (
        <p style={{ color: "#697386", fontSize: 13, marginTop: 20 }}>
          Sandbox mode: “Continue” goes to a local stand-in for Stripe&apos;s install page, not to Stripe.
        </p>
      )}
    </Card>
  );
}
