import type { Entitlement, GrantSource, ResetPeriod } from "@/contract";
import { projectUsage } from "../projection";
import { currentWindow, type Meter } from "./usageSeries";

/*
 * A customer's entitlements from its record (customerRecord.ts: the grants of the entitling
 * subscriptions with their usage, and the credits), whatever the number of features,
 * subscriptions or credit grants: no statement beyond the record.
 */

/** Only these subscriptions grant entitlements (Stigg: active and in-trial). */
export const ENTITLING = ["ACTIVE", "IN_TRIAL"] as const;

export interface GrantRow {
  subscriptionId: string;
  planName: string;
  subscriptionStart: Date;
  featureId: string;
  featureName: string;
  kind: "boolean" | "numeric" | "metered";
  meterKind: "events" | "usage" | null;
  unitSingular: string | null;
  unitPlural: string | null;
  enabled: boolean | null;
  numberValue: number | null;
  stringValue: string | null;
  usageLimit: number | null;
  hasUnlimited: boolean;
  hasSoftLimit: boolean;
  resetPeriod: ResetPeriod | null;
  /** A metered grant's usage in its current period (a `usage` meter: its latest reading); null for the others. */
  usage: number | null;
}

const source = (g: GrantRow): GrantSource => ({ subscriptionId: g.subscriptionId, planName: g.planName });
const unitOf = (g: GrantRow) =>
  g.unitSingular && g.unitPlural ? { singular: g.unitSingular, plural: g.unitPlural } : null;
const meterOf = (g: GrantRow): Meter => ({
  featureId: g.featureId,
  meterKind: g.meterKind ?? "events",
  resetPeriod: g.resetPeriod,
  subscriptionStart: new Date(g.subscriptionStart),
});

/**
 * One entitlement per feature, merged across the subscriptions that grant it the way
 * Stigg merges them: limits add up, any unlimited grant wins, booleans are OR-ed.
 */
function featureEntitlement(grants: GrantRow[], now: Date): Entitlement {
  const first = grants[0]!;
  const base = { id: first.featureId, name: first.featureName, grantedBy: grants.map(source) };
  switch (first.kind) {
    case "boolean":
      return { ...base, kind: "boolean", enabled: grants.some((g) => g.enabled === true) };
    case "numeric": {
      const unlimited = grants.some((g) => g.hasUnlimited);
      const numbers = grants.map((g) => g.numberValue).filter((v): v is number => v !== null);
      const value = unlimited ? null : numbers.length ? Math.max(...numbers) : (first.stringValue ?? null);
      return { ...base, kind: "numeric", value, unlimited, unit: unitOf(first) };
    }
    case "metered": {
      const unlimited = grants.some((g) => g.hasUnlimited);
      const window = first.resetPeriod ? currentWindow(meterOf(first), now) : null;
      const metered = {
        ...base,
        kind: "metered" as const,
        meterKind: first.meterKind ?? "events",
        // The meter is the first grant's (its oldest subscription's), and so is the usage.
        currentUsage: Number(first.usage ?? 0),
        usageLimit: unlimited ? null : grants.reduce((sum, g) => sum + (g.usageLimit ?? 0), 0),
        unlimited,
        softLimit: grants.some((g) => g.hasSoftLimit),
        unit: unitOf(first) ?? { singular: "unit", plural: "units" },
        resetPeriod: first.resetPeriod,
        currentPeriodStart: window?.from.toISOString() ?? null,
        currentPeriodEnd: window?.to.toISOString() ?? null,
      };
      return { ...metered, projection: projectUsage(metered, now) };
    }
  }
}

/** Feature entitlements from the grants of the customer's record, which hold their usage: no statement of its own. */
export function buildFeatureEntitlements(grants: GrantRow[], onlySubscription: string | undefined, now: Date): Entitlement[] {
  const byFeature = new Map<string, GrantRow[]>();
  for (const g of grants) {
    if (onlySubscription !== undefined && g.subscriptionId !== onlySubscription) continue;
    const list = byFeature.get(g.featureId) ?? [];
    list.push(g);
    byFeature.set(g.featureId, list);
  }
  return [...byFeature.values()].map((grants) => featureEntitlement(grants, now));
}

export interface CreditRow {
  creditTypeId: string;
  name: string;
  unit: string;
  /** Null for a grant made to the customer directly. */
  subscriptionId: string | null;
  planName: string | null;
  granted: number;
  consumed: number;
}

/**
 * Customer-level credits and those of the entitling subscriptions, or one entitling
 * subscription's, from the customer's record (summed per credit type and granting
 * subscription there): no statement of its own.
 */
export function buildCreditEntitlements(credits: CreditRow[], onlySubscription: string | undefined): Entitlement[] {
  const rows = onlySubscription === undefined ? credits : credits.filter((r) => r.subscriptionId === onlySubscription);
  const byType = new Map<string, CreditRow[]>();
  for (const r of rows) byType.set(r.creditTypeId, [...(byType.get(r.creditTypeId) ?? []), r]);
  return [...byType.values()].map((typeRows) => {
    const type = typeRows[0]!;
    const totalGranted = typeRows.reduce((a, r) => a + Number(r.granted), 0);
    const totalConsumed = typeRows.reduce((a, r) => a + Number(r.consumed), 0);
    return {
      id: type.creditTypeId,
      name: type.name,
      kind: "credits" as const,
      grantedBy: typeRows
        .filter((r) => r.subscriptionId !== null)
        .map((r) => ({ subscriptionId: r.subscriptionId!, planName: r.planName! })),
      currentBalance: totalGranted - totalConsumed,
      totalGranted,
      totalConsumed,
      // A grant of no subscription (a promotion) is in the totals too: the row names it.
      hasCustomerLevelGrant: typeRows.some((r) => r.subscriptionId === null),
      unit: type.unit,
    };
  });
}
