import { type Db, noteChange } from "../db/client";

/**
 * Removes an account's link (one mode, or both when `livemode` is omitted) so the drawer
 * shows the Gate again. Returns how many links were removed.
 */
export async function unlinkAccount(db: Db, stripeAccountId: string, livemode?: boolean): Promise<number> {
  const { count } = await db.stripeAccountLink.deleteMany({
    where: { stripeAccountId, ...(livemode === undefined ? {} : { livemode }) },
  });
  noteChange();
  return count;
}
