import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";

/** How long a user has between leaving the connect page and coming back from Stripe. */
export const STATE_TTL_MS = 10 * 60 * 1000;
const STATE_RETENTION_MS = 24 * 3600 * 1000;

export interface StateBinding {
  workspaceId: string;
  livemode: boolean;
  /** The install is into a Stripe sandbox (its code takes the managed sandbox's key). */
  sandbox?: boolean;
  /** The Stripe account whose Gate started the flow, when known (a hint, shown back). */
  stripeAccountId?: string;
}

export type StateRejection = "unknown" | "expired" | "reused";

export class StateError extends Error {
  constructor(readonly reason: StateRejection) {
    super(`OAuth state ${reason}`);
    this.name = "StateError";
  }
}

/** Only the hash is stored: a database reader can't complete someone else's install. */
export function hashState(state: string): string {
  return createHash("sha256").update(state, "utf8").digest("hex");
}

/** Makes a fresh random state bound to a workspace and a Stripe mode; returns the raw value. */
export async function createState(db: Db, binding: StateBinding, now = new Date()): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  // Old states are kept a day so a late callback still gets "expired", not "unknown".
  await db.oAuthState.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - STATE_RETENTION_MS) } } });
  await db.oAuthState.create({
    data: {
      stateHash: hashState(state),
      workspaceId: binding.workspaceId,
      livemode: binding.livemode,
      sandbox: binding.sandbox ?? false,
      stripeAccountId: binding.stripeAccountId ?? null,
      expiresAt: new Date(now.getTime() + STATE_TTL_MS),
    },
  });
  return state;
}

/**
 * Marks a state used and returns what it was bound to. The conditional update is atomic,
 * so of two callbacks racing with one state exactly one wins.
 */
export async function consumeState(db: Db, state: string, now = new Date()): Promise<StateBinding> {
  const stateHash = hashState(state);
  const { count } = await db.oAuthState.updateMany({
    where: { stateHash, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  const row = await db.oAuthState.findUnique({ where: { stateHash } });
  if (!row) throw new StateError("unknown");
  if (count === 0) throw new StateError(rejectionOf(row, now)!);
  return {
    workspaceId: row.workspaceId,
    livemode: row.livemode,
    sandbox: row.sandbox,
    ...(row.stripeAccountId ? { stripeAccountId: row.stripeAccountId } : {}),
  };
}

/**
 * The Stripe account a still-usable state was started for, and whether into a Stripe
 * sandbox, without using the state: the sandbox's Stripe stand-in pre-fills them, as Stripe
 * shows the account being installed on.
 */
export async function accountOfState(
  db: Db,
  state: string,
  now = new Date(),
): Promise<{ stripeAccountId: string | undefined; sandbox: boolean } | undefined> {
  const row = await db.oAuthState.findUnique({ where: { stateHash: hashState(state) } });
  return row && !rejectionOf(row, now) ? { stripeAccountId: row.stripeAccountId ?? undefined, sandbox: row.sandbox } : undefined;
}

/** Why a state can't be used, without using it; undefined while it still can be. */
export async function inspectState(db: Db, state: string, now = new Date()): Promise<StateRejection | undefined> {
  const row = await db.oAuthState.findUnique({ where: { stateHash: hashState(state) } });
  return row ? rejectionOf(row, now) : "unknown";
}

function rejectionOf(row: { consumedAt: Date | null; expiresAt: Date }, now: Date): StateRejection | undefined {
  if (row.consumedAt) return "reused";
  if (row.expiresAt <= now) return "expired";
  return undefined;
}

/**
 * For a spent state: the link its install made, if that link is still there (the account
 * the state was started for, in its mode, to its workspace, written once the state was
 * spent). A used install link opened
 * again then says the account is connected, not that nothing was.
 */
export async function linkOfSpentState(
  db: Db,
  state: string,
): Promise<{ stripeAccountId: string; livemode: boolean; sandbox: boolean; workspaceName: string } | undefined> {
  const row = await db.oAuthState.findUnique({ where: { stateHash: hashState(state) } });
  if (!row?.consumedAt || !row.stripeAccountId) return undefined;
  const link = await db.stripeAccountLink.findUnique({
    where: { stripeAccountId_livemode: { stripeAccountId: row.stripeAccountId, livemode: row.livemode } },
    select: { workspaceId: true, updatedAt: true, sandbox: true, workspace: { select: { displayName: true } } },
  });
  // Written by this install: to its workspace, when (or after) its state was spent.
  if (!link || link.workspaceId !== row.workspaceId || link.updatedAt < row.consumedAt) return undefined;
  return { stripeAccountId: row.stripeAccountId, livemode: row.livemode, sandbox: link.sandbox, workspaceName: link.workspace.displayName };
}
