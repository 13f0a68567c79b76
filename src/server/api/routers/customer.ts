import { customerInput, customerResult } from "@/contract";
import { getConfig } from "../../config";
import { signedProcedure } from "../trpc";
import { resolveCustomer } from "./resolveCustomer";

export const getCustomer = signedProcedure
  .input(customerInput)
  .output(customerResult)
  .query(async ({ ctx, input }) => {
    if (!ctx.workspace) {
      const url = new URL("/connect", getConfig().publicUrl);
      url.searchParams.set("account", ctx.caller.accountId);
      return { linked: false as const, connectUrl: url.toString() };
    }
    const { customer, workspace } = await resolveCustomer(ctx, input.stripeCustomerId);
    return { linked: true as const, workspaceName: workspace.displayName, customer };
  });
