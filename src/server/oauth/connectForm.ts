import { z } from "zod";
import { NEEDED_PERMISSIONS, type NeededPermission } from "../sources/stripe/keyCheck";

export const stripeAccountId = z.string().regex(/^acct_[A-Za-z0-9]{1,64}$/, "not a Stripe account id (acct_…)");

/** The Stripe environment an install goes into: live or test mode, or a Stripe sandbox. */
export const installMode = z.enum(["test", "live", "sandbox"]);

/** The workspace kinds the connect page offers. */
export const workspaceChoice = z.enum(["sandbox", "stigg", "stripe_billing"]);

/**
 * What a refused key cannot read, as it comes back in the page's query (comma-separated):
 * only names of NEEDED_PERMISSIONS survive, so the page never shows words from the URL.
 */
const cannotReadParam = z
  .string()
  .max(200)
  .transform((s) => s.split(",").filter((p): p is NeededPermission => (NEEDED_PERMISSIONS as readonly string[]).includes(p)))
  .optional()
  .catch(undefined);

/**
 * `/connect?account=acct_…[&mode=…][&kind=…]`: the Gate passes the account it was opened for
 * (and `mode=sandbox` in a Stripe sandbox; `kind=stripe_billing` from its "Use this account's
 * Stripe Billing data"), an install from the Marketplace the account and mode it was made
 * in. Only a preselection: the exchange with that mode's key verifies it.
 */
export const connectQuery = z.object({
  account: stripeAccountId.optional(),
  /** Preselected: the settings' "Connect Stigg in live mode", or the choices of a refused attempt. */
  mode: installMode.optional().catch(undefined),
  error: z.string().max(64).optional(),
  /** The choice of a refused attempt. */
  workspace: workspaceChoice.optional().catch(undefined),
  /** The Gate's preselection: only the Stripe Billing kind is named this way. */
  kind: z.literal("stripe_billing").optional().catch(undefined),
  cannotRead: cannotReadParam,
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
  z.object({
    workspace: z.literal("stripe_billing"),
    // Only the shape: the mode prefix and what the key opens are checked with Stripe (keyCheck).
    stripeApiKey: z.string().trim().regex(/^rk_(test|live)_[A-Za-z0-9]{8,256}$/, "not a Stripe restricted key (rk_…)"),
    ...common,
    // The key is checked against this account: without it there is nothing to check against.
    account: stripeAccountId,
  }),
]);

export type ConnectForm = z.infer<typeof connectForm>;
export type InstallMode = z.infer<typeof installMode>;
export type WorkspaceChoice = z.infer<typeof workspaceChoice>;
