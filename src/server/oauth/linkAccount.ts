import { type Db, noteChange } from "../db/client";
import { seal, type Keyring } from "../crypto/seal";

export interface LinkInput {
  stripeAccountId: string;
  livemode: boolean;
  /** Installed in a Stripe sandbox (see StripeAccountLink.sandbox); false when omitted. */
  sandbox?: boolean;
  workspaceId: string;
  scope: string;
  refreshToken: string;
}

/** The seal context ties a sealed refresh token to its own link row. */
export function refreshTokenContext(stripeAccountId: string, livemode: boolean): string {
  return `stripe_account_link.refresh_token:${stripeAccountId}:${livemode ? "live" : "test"}`;
}

/**
 * Creates or updates the link for one Stripe account in one mode: a re-install moves it to
 * the newly chosen workspace and replaces the refresh token, never adding a second row.
 * Returns whether the account was linked before.
 */
export async function linkAccount(db: Db, input: LinkInput, keyring: Keyring): Promise<{ reinstalled: boolean }> {
  const key = { stripeAccountId: input.stripeAccountId, livemode: input.livemode };
  const data = {
    sandbox: input.sandbox ?? false,
    workspaceId: input.workspaceId,
    scope: input.scope,
    refreshTokenSealed: seal(input.refreshToken, refreshTokenContext(input.stripeAccountId, input.livemode), keyring),
    // Set on every grant, reinstalls included: the uninstall webhook sets aside older events.
    grantedAt: new Date(),
  };
  const existing = await db.stripeAccountLink.findUnique({ where: { stripeAccountId_livemode: key }, select: { id: true } });
  // Shaped as a Prisma "database upsert" (one unique key, no nested writes), which runs as a
  // single INSERT … ON CONFLICT DO UPDATE on the unique (account, livemode) constraint: two
  // callbacks for one account can't both insert.
  await db.stripeAccountLink.upsert({ where: { stripeAccountId_livemode: key }, create: { ...key, ...data }, update: data });
  noteChange();
  return { reinstalled: existing !== null };
}
