import { TRPCError } from "@trpc/server";
import { disconnectInput, disconnectResult } from "@/contract";
import { getDb } from "../../db/client";
import { unlinkAccount } from "../../oauth/unlinkAccount";
import { forgetSourceReads } from "../lastRead";
import { signedProcedure } from "../trpc";

/**
 * Removes this app's own link record of one mode (and the sealed token it holds) for the
 * verified account. Nothing in Stigg or Stripe is touched; the account can link again.
 */
export const disconnect = signedProcedure
  .input(disconnectInput)
  .output(disconnectResult)
  .mutation(async ({ ctx, input }) => {
    const livemode = input.mode === "live";
    const removed = await unlinkAccount(await getDb(), ctx.caller.accountId, livemode);
    if (removed === 0) {
      throw new TRPCError({ code: "NOT_FOUND", message: `This Stripe account has no ${input.mode}-mode link to disconnect.` });
    }
    forgetSourceReads(ctx.caller.accountId, livemode);
    ctx.log.info({ event: "link.disconnected", livemode }, "link removed from the settings view");
    return { mode: input.mode, disconnected: true as const };
  });
