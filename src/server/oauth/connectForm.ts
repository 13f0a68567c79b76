import { z } from "zod";

export const stripeAccountId = z.string().regex(/^acct_[A-Za-z0-9]{1,64}$/, "not a Stripe account id (acct_…)");

/** The Stripe environment an install goes into: live or test mode, or a Stripe sandbox. */
export const installMode = z.enum(["test", "live", "sandbox"]);

/**
 * `/connect?account=acct_…[&mode=…]`: the Gate passes the account it was opened for (and
 * `mode=sandbox` in a Stripe sandbox), an install from the Marketplace the account and
 * mode it was made in. Only a preselection: the exchange with that mode's key verifies it.
 */
export const connectQuery = z.object({
  account: stripeAccountId.optional(),
  /** Preselected: the settings' "Connect Stigg in live mode", or the choices of a refused attempt. */
  mode: installMode.optional().catch(undefined),
  error: z.string().max(64).optional(),
  workspace: z.enum(["sandbox", "stigg"]).optional().catch(undefined),
});

const common = {
  mode: installMode,
  account: z.preprocess((v) => (v === "" ? undefined : v), stripeAccountId.optional()),
};

/** The connect page's form: which workspace to link, in which Stripe mode. */
export const connectForm = z.discriminatedUnion("workspace", [
  z.object({ workspace: z.literal("sandbox"), ...common }),
  z.object({
    workspace: z.literal("stigg"),
    stiggApiKey: z.string().trim().regex(/^server-[A-Za-z0-9._-]{8,256}$/, "not a Stigg server API key (server-…)"),
    ...common,
  }),
]);

export type ConnectForm = z.infer<typeof connectForm>;
export type InstallMode = z.infer<typeof installMode>;
