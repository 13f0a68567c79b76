// `npm run unlink -- acct_… [--mode test|live]`: removes a Stripe account's link, so its
// drawer shows the Gate ("Connect Stigg") again. Same store as the server; both modes
// unless --mode is given. The embedded database cannot be changed while the server runs
// (see withStore.ts); there, Disconnect in the app's settings view does the same.
import { parseArgs } from "node:util";
import { stripeAccountId } from "../src/server/oauth/connectForm";
import { unlinkAccount } from "../src/server/oauth/unlinkAccount";
import { withStore } from "./withStore";

const USAGE = "usage: npm run unlink -- acct_… [--mode test|live]";

const { values, positionals } = parseArgs({ options: { mode: { type: "string" } }, allowPositionals: true });
const account = stripeAccountId.safeParse(positionals[0]);
if (positionals.length !== 1 || !account.success || (values.mode && !["test", "live"].includes(values.mode))) {
  console.error(USAGE);
  process.exit(2);
}

await withStore("npm run unlink", async (db) => {
  const livemode = values.mode === undefined ? undefined : values.mode === "live";
  const removed = await unlinkAccount(db, account.data, livemode);
  console.log(removed ? `Unlinked ${account.data} (${removed} link${removed > 1 ? "s" : ""} removed).` : `${account.data} was not linked.`);
});
