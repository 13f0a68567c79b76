import { type Db, noteChange } from "../db/client";
import { seal, type Keyring } from "../crypto/seal";

/** The seal context ties a sealed restricted key to its own workspace row (unlike the Stigg key's). */
export function stripeApiKeyContext(workspaceId: string): string {
  return `workspace.stripe_api_key:${workspaceId}`;
}

/** One Stripe Billing workspace per account and mode: a key pasted again replaces the one before. */
export function stripeBillingWorkspaceId(stripeAccountId: string, livemode: boolean): string {
  return `ws_stripe_${stripeAccountId}_${livemode ? "live" : "test"}`;
}

/**
 * Records an account's own Stripe Billing data, read with a (checked) restricted key of that
 * account, as a workspace. `apiUrl` is the host's choice (null: Stripe's own), never the user's.
 */
export async function upsertStripeBillingWorkspace(
  db: Db,
  input: { stripeAccountId: string; livemode: boolean; apiUrl: string | null; apiKey: string },
  keyring: Keyring,
): Promise<{ id: string; displayName: string }> {
  const id = stripeBillingWorkspaceId(input.stripeAccountId, input.livemode);
  const data = {
    sourceKind: "stripe_billing" as const,
    displayName: `Stripe Billing of ${input.stripeAccountId} (${input.livemode ? "live" : "test"} mode)`,
    // Required by the schema; a Stripe Billing workspace has no Stigg app, and the drawer shows no link.
    stiggAppBaseUrl: "https://dashboard.stripe.com",
    stripeApiUrl: input.apiUrl,
    stripeApiKeySealed: seal(input.apiKey, stripeApiKeyContext(id), keyring),
  };
  const workspace = await db.workspace.upsert({
    where: { id },
    create: { id, ...data },
    update: data,
    select: { id: true, displayName: true },
  });
  noteChange();
  return workspace;
}
