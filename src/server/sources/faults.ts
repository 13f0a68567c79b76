import { z } from "zod";
import { getConfig } from "../config";
import { SourceUnavailableError, type EntitlementSource } from "./types";

// The preview harness needs to show the drawer's error states on demand. It flips flags
// per workspace (in memory, this process only); while one is on, the reads it names fail
// the way an unreachable source would: "all" every read (App Failed to Load), the others
// one independent read each (a partial result: the rest stays on screen with a notice).
export const faultKind = z.enum(["all", "features", "credits", "subscriptions"]);
export type FaultKind = z.infer<typeof faultKind>;

const store = globalThis as typeof globalThis & { __previewFaults?: Map<string, Set<FaultKind>> };
const faulted = (store.__previewFaults ??= new Map<string, Set<FaultKind>>());

export function setSourceFault(workspaceId: string, kind: FaultKind, on: boolean): void {
  const kinds = faulted.get(workspaceId) ?? new Set<FaultKind>();
  if (on) kinds.add(kind);
  else kinds.delete(kind);
  if (kinds.size > 0) faulted.set(workspaceId, kinds);
  else faulted.delete(workspaceId);
}

/** The kinds switched on for the workspace, in the enum's order. */
export function sourceFaults(workspaceId: string): FaultKind[] {
  const kinds = faulted.get(workspaceId);
  return faultKind.options.filter((k) => kinds?.has(k));
}

function check(workspaceId: string, kind: Exclude<FaultKind, "all"> | null): void {
  const kinds = faulted.get(workspaceId);
  const failing = kinds?.has("all") ? "all" : kind && kinds?.has(kind) ? kind : null;
  if (failing) throw new SourceUnavailableError(`data source failure (${failing}) injected by the preview harness`);
}

/** Wraps a source so the harness's fault switches apply; live mode gets the source as is. */
export function withInjectedFaults(workspaceId: string, source: EntitlementSource): EntitlementSource {
  if (getConfig().mode !== "sandbox") return source;
  return {
    findCustomer: async (...args) => (check(workspaceId, null), source.findCustomer(...args)),
    listSubscriptions: async (...args) => (check(workspaceId, "subscriptions"), source.listSubscriptions(...args)),
    findSubscriptionByBillingId: async (...args) => (check(workspaceId, null), source.findSubscriptionByBillingId(...args)),
    getFeatureEntitlements: async (...args) => (check(workspaceId, "features"), source.getFeatureEntitlements(...args)),
    getCreditEntitlements: async (...args) => (check(workspaceId, "credits"), source.getCreditEntitlements(...args)),
    getUsageSeries: async (...args) => (check(workspaceId, null), source.getUsageSeries(...args)),
  };
}
