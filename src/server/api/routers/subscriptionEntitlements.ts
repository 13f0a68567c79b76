import { NOT_MANAGED_MESSAGE, subscriptionEntitlementsInput, subscriptionEntitlementsResult } from "@/contract";
import { readPart } from "../sourceFailure";
import { signedProcedure } from "../trpc";
import { connectUrlsFor } from "./connectUrl";
import { readEntitlementList } from "./readEntitlementList";

/**
 * The Stripe subscription page: what the source subscription billed through this Stripe
 * subscription grants. Unlinked is the Gate; no such subscription is "not managed".
 */
export const getSubscriptionEntitlements = signedProcedure
  .input(subscriptionEntitlementsInput)
  .output(subscriptionEntitlementsResult)
  .query(async ({ ctx, input }) => {
    if (!ctx.workspace || !ctx.source) return { status: "unlinked" as const, ...connectUrlsFor(ctx.caller.accountId) };
    const { displayName: workspaceName, sourceKind: workspaceKind } = ctx.workspace;
    const found = await readPart("subscription", ctx.source.findSubscriptionByBillingId(input.stripeSubscriptionId));
    if (!found) return { status: "notManaged" as const, workspaceName, workspaceKind, message: NOT_MANAGED_MESSAGE };
    const entitlements = await readEntitlementList(ctx, ctx.source, found.customer, {
      subscriptionId: found.subscription.id,
      fresh: input.fresh,
    });
    return { status: "managed" as const, workspaceName, workspaceKind, ...found, entitlements };
  });
