import { getConfig } from "../config";
import { SourceUnavailableError, type EntitlementSource } from "./types";

// The preview harness needs to show the drawer's error state on demand. It flips a flag
// per workspace (in memory, this process only); while it is on, every read of that
// workspace's source fails the way an unreachable source would.
const store = globalThis as typeof globalThis & { __previewFaults?: Set<string> };
const faulted = (store.__previewFaults ??= new Set<string>());

export function setSourceFault(workspaceId: string, on: boolean): void {
  if (on) faulted.add(workspaceId);
  else faulted.delete(workspaceId);
}

export function hasSourceFault(workspaceId: string): boolean {
  return faulted.has(workspaceId);
}

function check(workspaceId: string): void {
  if (faulted.has(workspaceId)) {
    throw new SourceUnavailableError("data source failure injected by the preview harness");
  }
}

/** Wraps a source so the harness's fault switch applies; live mode gets the source as is. */
export function withInjectedFaults(workspaceId: string, source: EntitlementSource): EntitlementSource {
  if (getConfig().mode !== "sandbox") return source;
  return {
    findCustomer: async (...args) => (check(workspaceId), source.findCustomer(...args)),
    listSubscriptions: async (...args) => (check(workspaceId), source.listSubscriptions(...args)),
    getFeatureEntitlements: async (...args) => (check(workspaceId), source.getFeatureEntitlements(...args)),
    getCreditEntitlements: async (...args) => (check(workspaceId), source.getCreditEntitlements(...args)),
    getUsageSeries: async (...args) => (check(workspaceId), source.getUsageSeries(...args)),
  };
}
