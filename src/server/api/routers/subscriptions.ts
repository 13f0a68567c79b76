import { customerInput, subscriptionList } from "@/contract";
import { readPart } from "../sourceFailure";
import { signedProcedure } from "../trpc";
import { resolveCustomer } from "./resolveCustomer";

export const listSubscriptions = signedProcedure
  .input(customerInput)
  .output(subscriptionList)
  .query(async ({ ctx, input }) => {
    const { customer, source } = await resolveCustomer(ctx, input.stripeCustomerId, { fresh: input.fresh });
    return { subscriptions: await readPart("subscriptions", source.listSubscriptions(customer, { fresh: input.fresh })) };
  });
