import { customerInput, customerResult } from "@/contract";
import { signedProcedure } from "../trpc";
import { connectUrlsFor } from "./connectUrl";
import { resolveCustomer } from "./resolveCustomer";

export const getCustomer = signedProcedure
  .input(customerInput)
  .output(customerResult)
  .query(async ({ ctx, input }) => {
    if (!ctx.workspace) return { linked: false as const, ...connectUrlsFor(ctx.caller.accountId) };
    const { customer, workspace } = await resolveCustomer(ctx, input.stripeCustomerId, { fresh: input.fresh });
    return { linked: true as const, workspaceName: workspace.displayName, workspaceKind: workspace.sourceKind, customer };
  });
