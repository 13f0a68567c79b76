import { z } from "zod";
import { connectUrls, customer } from "./customer";
import { entitlementList } from "./entitlement";
import { subscription } from "./subscription";
import { workspaceKind } from "./workspaceKind";

export const NOT_MANAGED_MESSAGE = "This subscription is not managed by Stigg";

/**
 * `getSubscriptionEntitlements`' answer, for the Stripe subscription page. Unlinked is the
 * Gate (as in `getCustomer`); a Stripe subscription no source subscription is billed
 * through is an answer too ("not managed"), not an error.
 */
export const subscriptionEntitlementsResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("unlinked"), ...connectUrls.shape }),
  z.object({ status: z.literal("notManaged"), workspaceName: z.string(), workspaceKind, message: z.string() }),
  z.object({
    status: z.literal("managed"),
    workspaceName: z.string(),
    workspaceKind,
    customer,
    subscription,
    entitlements: entitlementList,
  }),
]);
export type SubscriptionEntitlementsResult = z.infer<typeof subscriptionEntitlementsResult>;
