import { getConfig } from "@/server/config";
import { LINKED_ACCOUNT, UNKNOWN_CUSTOMER, UNLINKED_ACCOUNT } from "../../prisma/seed/demoData";
import { DEMO_BILLING_ACCOUNT, DEMO_BILLING_CUSTOMER, DEMO_BILLING_DELETED_CUSTOMER } from "@/server/dev/stripeBilling/demoAccount";

export const dynamic = "force-dynamic";

// The demo data's fixed ids (prisma/seed/demoData.ts) and what each one shows.
const DEMO: [account: string, customer: string, what: string][] = [
  [LINKED_ACCOUNT, "cus_DemoFull", "every entitlement kind, several subscriptions, credits"],
  [LINKED_ACCOUNT, "cus_DemoEmailOnly", "no name: the header shows the email"],
  [LINKED_ACCOUNT, "cus_DemoUnnamed", "neither name nor email"],
  [LINKED_ACCOUNT, "cus_DemoNoEntitlements", "no active entitlements"],
  [LINKED_ACCOUNT, "cus_DemoNoUsage", "a metered entitlement without usage data"],
  [LINKED_ACCOUNT, UNKNOWN_CUSTOMER, "in no workspace: customer not found"],
  [UNLINKED_ACCOUNT, "cus_DemoFull", "an account not linked yet: the Gate"],
  [DEMO_BILLING_ACCOUNT, DEMO_BILLING_CUSTOMER, "a Stripe Billing workspace: features, a metered item against its free tier, credits"],
  [DEMO_BILLING_ACCOUNT, DEMO_BILLING_DELETED_CUSTOMER, "a customer Stripe reports deleted: not found in Stripe Billing"],
];

export default function Home() {
  const { mode } = getConfig();
  return (
    <main style={{ maxWidth: 640, margin: "48px auto", padding: "0 16px", lineHeight: 1.5 }}>
      <h1>Stigg App for Stripe — host</h1>
      <p>
        This server answers the Stripe Dashboard drawer at <code>/api/trpc</code>. Mode: <strong>{mode}</strong>.
      </p>
      {mode === "sandbox" && (
        <>
          <p>
            Sandbox mode: the demo workspace is linked to <code>acct_DemoLinked</code>. Open a demo customer in the
            preview Dashboard:
          </p>
          <ul>
            {DEMO.map(([account, customer, what]) => (
              <li key={`${account}/${customer}`}>
                {/* Each link is named by what it opens: the same customer on another account is another link. */}
                <a href={`/preview?${new URLSearchParams({ account, customer })}`}>
                  <code>{customer}</code>
                  {account !== LINKED_ACCOUNT && (
                    <>
                      {" on "}
                      <code>{account}</code>
                    </>
                  )}
                </a>{" "}
                — {what}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
