import { TRPCError } from "@trpc/server";
import { usageSeries, usageSeriesInput } from "@/contract";
import { readPart } from "../sourceFailure";
import { signedProcedure } from "../trpc";
import { resolveCustomer } from "./resolveCustomer";

export const getUsageSeries = signedProcedure
  .input(usageSeriesInput)
  .output(usageSeries)
  .query(async ({ ctx, input }) => {
    const { customer, source } = await resolveCustomer(ctx, input.stripeCustomerId, { fresh: input.fresh });
    const window = input.from && input.to ? { from: new Date(input.from), to: new Date(input.to) } : undefined;
    const series = await readPart("usage", source.getUsageSeries(customer, input.featureId, window, { fresh: input.fresh }));
    if (!series) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `This customer has no metered entitlement to "${input.featureId}".`,
      });
    }
    return series;
  });
