import { linksInput, linksResult } from "@/contract";
import { getConfig } from "../../config";
import { getDb } from "../../db/client";
import { availableModes } from "../../oauth/startInstall";
import { lastSourceRead } from "../lastRead";
import { signedProcedure } from "../trpc";
import { connectUrlsFor } from "./connectUrl";

/** The settings view: the verified account's own links, live first, and nobody else's. */
export const getLinks = signedProcedure
  .input(linksInput)
  .output(linksResult)
  .query(async ({ ctx }) => {
    const db = await getDb();
    const accountId = ctx.caller.accountId;
    const rows = await db.stripeAccountLink.findMany({
      where: { stripeAccountId: accountId },
      select: { livemode: true, sandbox: true, createdAt: true, workspace: { select: { id: true, displayName: true, sourceKind: true } } },
      orderBy: { livemode: "desc" },
    });
    return {
      links: rows.map((l) => ({
        mode: l.livemode ? ("live" as const) : ("test" as const),
        stripeSandbox: l.sandbox,
        workspaceName: l.workspace.displayName,
        workspaceKind: l.workspace.sourceKind,
        linkedSince: l.createdAt.toISOString(),
        lastSuccessfulRead: lastSourceRead(accountId, l.livemode, l.workspace.id)?.toISOString() ?? null,
      })),
      ...connectUrlsFor(accountId),
      // The Dashboard's own modes: a Stripe sandbox is an account of its own, connected from its Dashboard.
      connectableModes: availableModes(getConfig()).filter((m) => m !== "sandbox"),
    };
  });
