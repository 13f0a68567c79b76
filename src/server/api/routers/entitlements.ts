import { entitlementList, entitlementsInput } from "@/contract";
import { signedProcedure } from "../trpc";
import { readEntitlementList } from "./readEntitlementList";
import { resolveCustomer } from "./resolveCustomer";

export const getEntitlements = signedProcedure
  .input(entitlementsInput)
  .output(entitlementList)
  .query(async ({ ctx, input }) => {
    const { customer, source } = await resolveCustomer(ctx, input.stripeCustomerId);
    return readEntitlementList(ctx, source, customer, { subscriptionId: input.subscriptionId, fresh: input.fresh });
  });
