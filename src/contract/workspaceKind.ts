import { z } from "zod";

/**
 * Where a linked workspace's data comes from: `sandbox` the demo workspace, `stigg` a Stigg
 * environment, `stripe_billing` the linked Stripe account's own Billing data (Entitlements,
 * Billing Meters, credit grants) read with a restricted key its operator pasted.
 */
export const workspaceKind = z.enum(["sandbox", "stigg", "stripe_billing"]);
export type WorkspaceKind = z.infer<typeof workspaceKind>;
