import { z } from "zod";

/**
 * Every way an install can end, as the result page shows it. A schema, not just a type:
 * the outcome travels to the result page in a cookie, and is checked when it comes back.
 */
export const installOutcome = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("linked"),
    stripeAccountId: z.string(),
    livemode: z.boolean(),
    /** Installed in a Stripe sandbox. */
    sandbox: z.boolean().optional(),
    workspaceName: z.string(),
    reinstalled: z.boolean(),
    /** The account whose Gate started the flow, when the user installed on another one. */
    startedFromAccountId: z.string().optional(),
  }),
  /** A used install link opened again, its install's link still in place. */
  z.object({ kind: z.literal("already_linked"), stripeAccountId: z.string(), livemode: z.boolean(), sandbox: z.boolean(), workspaceName: z.string() }),
  /** Installed from Stripe's Marketplace: the app is installed, a workspace is still to be picked. */
  z.object({ kind: z.literal("installed"), stripeAccountId: z.string(), mode: z.enum(["live", "test", "sandbox"]) }),
  z.object({ kind: z.literal("denied") }),
  z.object({ kind: z.literal("stripe_error"), error: z.string().regex(/^[A-Za-z0-9_]{0,64}$/) }),
  z.object({ kind: z.literal("bad_request") }),
  z.object({ kind: z.literal("state_rejected"), reason: z.enum(["unknown", "expired", "reused", "other_browser"]) }),
  z.object({ kind: z.literal("not_configured"), missing: z.array(z.string()) }),
  z.object({
    kind: z.literal("exchange_failed"),
    reason: z.enum(["invalid_grant", "unauthorized", "rejected", "stripe_unavailable", "unreachable", "unexpected_response"]),
  }),
  z.object({ kind: z.literal("mode_mismatch") }),
  /**
   * A Stripe Billing install approved on another account than the one its restricted key
   * was checked against (the key belongs to `keyAccountId`): nothing was linked.
   */
  z.object({ kind: z.literal("key_account_mismatch"), keyAccountId: z.string().optional(), stripeAccountId: z.string() }),
  /** This host's database could not be reached (or stayed busy): nothing was stored. */
  z.object({ kind: z.literal("store_unavailable") }),
  /** This host failed otherwise; the reference in the logs tells what. */
  z.object({ kind: z.literal("internal_error") }),
]);

export type InstallOutcome = z.infer<typeof installOutcome>;
