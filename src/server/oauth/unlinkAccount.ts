import { type Db, noteChange } from "../db/client";

/**
 * Removes an account's link (one mode, or both when `livemode` is omitted; only a Stripe
 * sandbox's link, or only another one, when `sandbox` is given) so the drawer shows the
 * Gate again. Returns how many links were removed.
 */
export async function unlinkAccount(db: Db, stripeAccountId: string, livemode?: boolean, sandbox?: boolean): Promise<number> {
  const { count } = await db.stripeAccountLink.deleteMany({
    where: { stripeAccountId, ...(livemode === undefined ? {} : { livemode }), ...(sandbox === undefined ? {} : { sandbox }) },
  });
  noteChange();
  return count;
}
