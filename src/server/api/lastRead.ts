// When a signed read of a link's source last succeeded, for the settings view. Kept in this
// process's memory, per instance: writing the store on every read would turn each drawer
// paint into a write. A restart forgets it, and the view says "none yet" until the next read.
const store = globalThis as typeof globalThis & { __lastSourceRead?: Map<string, Date> };
const reads = (store.__lastSourceRead ??= new Map<string, Date>());

// The workspace is part of the key: relinking a mode to another workspace starts afresh.
const key = (stripeAccountId: string, livemode: boolean, workspaceId: string) =>
  JSON.stringify([stripeAccountId, livemode, workspaceId]);

export function recordSourceRead(stripeAccountId: string, livemode: boolean, workspaceId: string, at = new Date()): void {
  reads.set(key(stripeAccountId, livemode, workspaceId), at);
}

export function lastSourceRead(stripeAccountId: string, livemode: boolean, workspaceId: string): Date | null {
  return reads.get(key(stripeAccountId, livemode, workspaceId)) ?? null;
}

/** An unlinked account's reads are forgotten with its link. */
export function forgetSourceReads(stripeAccountId: string, livemode?: boolean): void {
  for (const k of reads.keys()) {
    const [account, mode] = JSON.parse(k) as [string, boolean, string];
    if (account === stripeAccountId && (livemode === undefined || mode === livemode)) reads.delete(k);
  }
}
