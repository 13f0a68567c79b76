import { customerInput, subscriptionList } from "@/contract";
import { signedProcedure } from "../trpc";
import { resolveCustomer } from "./resolveCustomer";

export const listSubscriptions = signedProcedure
  .input(customerInput)
  .output(subscriptionList)
  .query(async ({ ctx, input }) => {
    const { customer, source } = await resolveCustomer(ctx, input.stripeCustomerId, { fresh: input.fresh });
    return { subscriptions: await source.listSubscriptions(customer, { fresh: input.fresh }) };
  });
