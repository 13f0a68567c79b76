import { getConfig } from "@/server/config";

export const dynamic = "force-dynamic";

export default function Home() {
  const { mode } = getConfig();
  return (
    <main style={{ maxWidth: 640, margin: "48px auto", padding: "0 16px", lineHeight: 1.5 }}>
      <h1>Stigg App for Stripe — host</h1>
      <p>
        This server answers the Stripe Dashboard drawer at <code>/api/trpc</code>. Mode: <strong>{mode}</strong>.
      </p>
      {mode === "sandbox" && (
        <p>
          Sandbox mode: the demo workspace is linked to <code>acct_DemoLinked</code>; try the customers{" "}
          <code>cus_DemoFull</code>, <code>cus_DemoEmailOnly</code>, <code>cus_DemoUnnamed</code>,{" "}
          <code>cus_DemoNoEntitlements</code> and <code>cus_DemoNoUsage</code>.
        </p>
      )}
    </main>
  );
}
