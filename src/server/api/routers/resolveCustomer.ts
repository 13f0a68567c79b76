import { TRPCError } from "@trpc/server";
import { type Customer, STIGG_NOT_FOUND, STRIPE_BILLING_NOT_FOUND } from "@/contract";
import type { Workspace } from "@/generated/prisma/client";
import type { EntitlementSource } from "../../sources/types";
import { readPart } from "../sourceFailure";
import { NotFoundInSource } from "../trpc";

/** The tenant's customer for a Stripe customer id, or the error the drawer shows. */
export async function resolveCustomer(
  ctx: { workspace: Workspace | null; source: EntitlementSource | null },
  stripeCustomerId: string,
  options: { fresh?: boolean } = {},
): Promise<{ customer: Customer; source: EntitlementSource; workspace: Workspace }> {
  if (!ctx.workspace || !ctx.source) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "This Stripe account is not connected to Stigg yet. Open the app and choose Connect Stigg.",
    });
  }
  const customer = await readPart("customer", ctx.source.findCustomer(stripeCustomerId, options));
  if (!customer) {
    // The product document's sentence names Stigg; a Stripe Billing workspace's names its
    // own source, and has no Stigg to look in instead: no link.
    throw ctx.workspace.sourceKind === "stripe_billing"
      ? new TRPCError({ code: "NOT_FOUND", message: STRIPE_BILLING_NOT_FOUND })
      : new TRPCError({
          code: "NOT_FOUND",
          message: STIGG_NOT_FOUND,
          cause: new NotFoundInSource(`${ctx.workspace.stiggAppBaseUrl}/customers`),
        });
  }
  return { customer, source: ctx.source, workspace: ctx.workspace };
}
