import type { PrismaClient } from "../../src/generated/prisma/client";
import { seal, type Keyring } from "../../src/server/crypto/seal";
import { DEMO_BILLING_ACCOUNT, DEMO_BILLING_KEY, DEMO_BILLING_WORKSPACE_ID } from "../../src/server/dev/stripeBilling/demoAccount";
import { stripeApiKeyContext } from "../../src/server/oauth/stripeBillingWorkspace";

/**
 * The demo's Stripe Billing workspace, linked to `acct_DemoStripeBilling` in test mode. It
 * reads the host's own sandbox-only stand-in (`apiUrl`, i.e. PUBLIC_URL/dev/stripe/v1) with
 * the stand-in's public demo key, sealed like any restricted key. Its data lives in the
 * stand-in (src/server/dev/stripeBilling/demoAccount.ts), not in the database. Rewrites the
 * workspace row every time (the URL follows PUBLIC_URL) and keeps the link if it exists.
 */
export async function seedStripeBillingDemo(db: PrismaClient, options: { apiUrl: string; keyring: Keyring }): Promise<void> {
  const data = {
    sourceKind: "stripe_billing" as const,
    displayName: "Stripe Billing (demo account)",
    // Required by the schema; a Stripe Billing workspace has no Stigg app, and the drawer shows no link.
    stiggAppBaseUrl: "https://dashboard.stripe.com",
    stripeApiUrl: options.apiUrl,
    stripeApiKeySealed: seal(DEMO_BILLING_KEY, stripeApiKeyContext(DEMO_BILLING_WORKSPACE_ID), options.keyring),
  };
  await db.$transaction(async (tx) => {
    await tx.workspace.upsert({ where: { id: DEMO_BILLING_WORKSPACE_ID }, create: { id: DEMO_BILLING_WORKSPACE_ID, ...data }, update: data });
    await tx.stripeAccountLink.upsert({
      where: { stripeAccountId_livemode: { stripeAccountId: DEMO_BILLING_ACCOUNT, livemode: false } },
      create: { stripeAccountId: DEMO_BILLING_ACCOUNT, livemode: false, workspaceId: DEMO_BILLING_WORKSPACE_ID, scope: "stripe_apps" },
      update: {},
    });
  });
}
