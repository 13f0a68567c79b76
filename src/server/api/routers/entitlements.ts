import { entitlementList, entitlementsInput } from "@/contract";
import { signedProcedure } from "../trpc";
import { resolveCustomer } from "./resolveCustomer";

export const getEntitlements = signedProcedure
  .input(entitlementsInput)
  .output(entitlementList)
  .query(async ({ ctx, input }) => {
    const { customer, source } = await resolveCustomer(ctx, input.stripeCustomerId);
    const entitlements = await source.getEntitlements(customer, {
      subscriptionId: input.subscriptionId,
      fresh: input.fresh,
    });
    return { entitlements, fetchedAt: new Date().toISOString() };
  });
