import { z } from "zod";
import { sandboxOnly } from "@/harness/server/sandboxOnly";
import { getDb } from "@/server/db/client";
import { PREVIEW_FAULT_MAX_BYTES } from "@/server/http/bodyCaps";
import { readJsonCapped } from "@/server/http/cappedBody";
import { faultKind, setSourceFault, sourceFaults } from "@/server/sources/faults";

export const dynamic = "force-dynamic";

const account = z.string().min(1).max(255);
// Without `kind`, the whole source fails (the switch this route started with).
const change = z.strictObject({ account, kind: faultKind.default("all"), on: z.boolean() });

/** The workspace the API would read for this account (same rule as the signed procedures). */
async function linkedWorkspaceId(accountId: string): Promise<string | null> {
  const db = await getDb();
  const link = await db.stripeAccountLink.findFirst({
    where: { stripeAccountId: accountId },
    orderBy: { livemode: "desc" },
  });
  return link?.workspaceId ?? null;
}

async function state(accountId: string) {
  const workspaceId = await linkedWorkspaceId(accountId);
  return { account: accountId, linked: workspaceId !== null, faults: workspaceId ? sourceFaults(workspaceId) : [] };
}

/** Which reads of the account's data source are currently made to fail. */
export const GET = sandboxOnly(async (req) => {
  const parsed = account.safeParse(new URL(req.url).searchParams.get("account"));
  if (!parsed.success) return Response.json({ error: "expected ?account=acct_…" }, { status: 400 });
  return Response.json(await state(parsed.data));
});

/** Turns one kind of failure on or off for the workspace linked to the account. */
export const POST = sandboxOnly(async (req) => {
  const read = await readJsonCapped(req, PREVIEW_FAULT_MAX_BYTES);
  if (read instanceof Response) return read;
  const parsed = change.safeParse(read.json);
  if (!parsed.success) {
    return Response.json(
      { error: `expected {account, on: boolean, kind?: ${faultKind.options.map((k) => `"${k}"`).join(" | ")}}` },
      { status: 400 },
    );
  }
  const workspaceId = await linkedWorkspaceId(parsed.data.account);
  if (workspaceId) setSourceFault(workspaceId, parsed.data.kind, parsed.data.on);
  return Response.json(await state(parsed.data.account));
});
