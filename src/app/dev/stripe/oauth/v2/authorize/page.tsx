import { notFound } from "next/navigation";
import { buttonStyle, Card } from "@/app/oauth/Card";
import { installPageMetadata } from "@/app/oauth/metadata";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db/client";
import { isStoreBusy } from "@/server/db/poolWait";
import { isStoreUnavailable } from "@/server/db/storeFailure";
import { accountOfState } from "@/server/oauth/state";
import { UNLINKED_ACCOUNT } from "../../../../../../../prisma/seed/demoData";
import { devStandIn } from "../../../devStandIn";
import { checkAuthorizeRequest } from "./authorizeRequest";

export const dynamic = "force-dynamic";
export const metadata = installPageMetadata("Stripe stand-in — install app");

type SearchParams = Record<string, string | string[] | undefined>;

/** Sandbox-only stand-in for Stripe's app install page (`/oauth/v2/authorize`). 404 in live mode. */
export default async function StandInAuthorizePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!devStandIn()) notFound();
  const req = checkAuthorizeRequest(await searchParams, getConfig().oauth);
  if ("problem" in req) {
    return (
      <Card title="Invalid install request" tone="error">
        <p>{req.problem}</p>
      </Card>
    );
  }
  // The account whose Gate started this install (and whether it is a Stripe sandbox); the
  // unlinked demo account in test mode otherwise.
  let started: Awaited<ReturnType<typeof accountOfState>> | undefined;
  try {
    started = req.state ? await accountOfState(await getDb(), req.state) : undefined;
  } catch (err) {
    if (!isStoreUnavailable(err) && !isStoreBusy(err)) throw err;
    return (
      <Card title="The app's database is unavailable" tone="error">
        <p>This install request could not be read because the app&apos;s database did not answer. Try again in a moment.</p>
      </Card>
    );
  }
  const account = started?.stripeAccountId ?? UNLINKED_ACCOUNT;
  return (
    <Card title="Install “Stigg” on your Stripe account?">
      <p style={{ background: "#fff8e1", border: "1px solid #f0d98c", borderRadius: 6, padding: "8px 12px", fontSize: 14 }}>
        Local stand-in for Stripe&apos;s install page (sandbox mode). No Stripe account is involved; installs are in test mode or a Stripe sandbox.
      </p>
      <p>The app will be able to read your customers in the Stripe Dashboard.</p>
      <form method="post" action="/dev/stripe/oauth/v2/authorize/decision">
        <input type="hidden" name="client_id" value={req.client_id} />
        <input type="hidden" name="redirect_uri" value={req.redirect_uri} />
        {req.state !== undefined && <input type="hidden" name="state" value={req.state} />}
        <label style={{ display: "block", margin: "12px 0" }}>
          Stripe account{" "}
          <input name="account" defaultValue={account} pattern="acct_[A-Za-z0-9]+" required style={{ padding: 4 }} />
        </label>
        <label style={{ display: "block", margin: "12px 0" }}>
          Install into{" "}
          <select name="environment" defaultValue={started?.sandbox ? "sandbox" : "test"} style={{ padding: 4 }}>
            <option value="test">Test mode</option>
            <option value="sandbox">Stripe sandbox</option>
          </select>
        </label>
        <button type="submit" name="decision" value="approve" style={buttonStyle}>
          Approve
        </button>{" "}
        <button type="submit" name="decision" value="deny" formNoValidate style={{ ...buttonStyle, background: "#fff", color: "#1a1f36", border: "1px solid #c1c9d2" }}>
          Deny
        </button>
      </form>
    </Card>
  );
}
