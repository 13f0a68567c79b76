import { z } from "zod";

export const stripeAccountId = z.string().regex(/^acct_[A-Za-z0-9]{1,64}$/, "not a Stripe account id (acct_…)");

/** `/connect?account=acct_…`: the Gate passes the account it was opened for. */
export const connectQuery = z.object({
  account: stripeAccountId.optional(),
  error: z.string().max(64).optional(),
  /** Preselected: the settings' "Connect Stigg in live mode", or the choices of a refused attempt. */
  mode: z.enum(["test", "live"]).optional().catch(undefined),
  workspace: z.enum(["sandbox", "stigg"]).optional().catch(undefined),
});

const common = {
  mode: z.enum(["test", "live"]),
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
