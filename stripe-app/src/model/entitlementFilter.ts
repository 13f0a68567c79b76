import type { Entitlement, EntitlementKind } from "@/contract";

export const ENTITLEMENT_KINDS = [
  "metered",
  "boolean",
  "numeric",
  "credits",
] as const satisfies readonly EntitlementKind[];

export interface EntitlementFilter {
  /** Matched anywhere in the name, ignoring case. */
  search: string;
  kind: EntitlementKind | null;
  /** Only what this subscription grants. */
  subscriptionId: string | null;
}

export const NO_FILTER: EntitlementFilter = { search: "", kind: null, subscriptionId: null };

export function isEntitlementKind(value: string): value is EntitlementKind {
  return (ENTITLEMENT_KINDS as readonly string[]).includes(value);
}

export function filterEntitlements(entitlements: Entitlement[], filter: EntitlementFilter): Entitlement[] {
  const needle = filter.search.trim().toLowerCase();
  return entitlements.filter(
    (e) =>
      (!needle || e.name.toLowerCase().includes(needle)) &&
      (!filter.kind || e.kind === filter.kind) &&
      (!filter.subscriptionId || e.grantedBy.some((g) => g.subscriptionId === filter.subscriptionId)),
  );
}
