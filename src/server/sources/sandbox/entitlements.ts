import type { Entitlement, GrantSource } from "@/contract";
import type { Db } from "../../db/client";
import type { EntitlementGrant, Feature, Plan, Subscription, SubscriptionStatus } from "@/generated/prisma/client";
import { projectUsage } from "../projection";
import { currentWindow } from "./usageSeries";

/** Only these subscriptions grant entitlements (Stigg: active and in-trial). */
export const ENTITLING: readonly SubscriptionStatus[] = ["ACTIVE", "IN_TRIAL"];

type Grant = EntitlementGrant & { feature: Feature; subscription: Subscription & { plan: Plan } };

const source = (g: Grant): GrantSource => ({ subscriptionId: g.subscriptionId, planName: g.subscription.plan.name });
const unitOf = (f: Feature) =>
  f.unitSingular && f.unitPlural ? { singular: f.unitSingular, plural: f.unitPlural } : null;

/** Current usage: the period's event total, or the latest reading for `usage` meters. */
async function currentUsage(db: Db, customerId: string, grant: Grant, now: Date): Promise<number> {
  if (grant.feature.meterKind === "usage") {
    const latest = await db.usageRecord.findFirst({
      where: { customerId, featureId: grant.featureId, timestamp: { lte: now } },
      orderBy: { timestamp: "desc" },
      select: { value: true },
    });
    return latest?.value ?? 0;
  }
  const { from, to } = currentWindow(grant, now);
  const sum = await db.usageRecord.aggregate({
    where: { customerId, featureId: grant.featureId, timestamp: { gte: from, lt: to } },
    _sum: { value: true },
  });
  return sum._sum.value ?? 0;
}

/**
 * One entitlement per feature, merged across the subscriptions that grant it the way
 * Stigg merges them: limits add up, any unlimited grant wins, booleans are OR-ed.
 */
async function featureEntitlement(db: Db, customerId: string, grants: Grant[], now: Date): Promise<Entitlement> {
  const first = grants[0]!;
  const f = first.feature;
  const base = { id: f.id, name: f.name, grantedBy: grants.map(source) };
  switch (f.kind) {
    case "boolean":
      return { ...base, kind: "boolean", enabled: grants.some((g) => g.enabled === true) };
    case "numeric": {
      const unlimited = grants.some((g) => g.hasUnlimited);
      const numbers = grants.map((g) => g.numberValue).filter((v): v is number => v !== null);
      const value = unlimited ? null : numbers.length ? Math.max(...numbers) : (first.stringValue ?? null);
      return { ...base, kind: "numeric", value, unlimited, unit: unitOf(f) };
    }
    case "metered": {
      const unlimited = grants.some((g) => g.hasUnlimited);
      const window = first.resetPeriod ? currentWindow(first, now) : null;
      const metered = {
        ...base,
        kind: "metered" as const,
        meterKind: f.meterKind ?? "events",
        currentUsage: await currentUsage(db, customerId, first, now),
        usageLimit: unlimited ? null : grants.reduce((sum, g) => sum + (g.usageLimit ?? 0), 0),
        unlimited,
        softLimit: grants.some((g) => g.hasSoftLimit),
        unit: unitOf(f) ?? { singular: "unit", plural: "units" },
        resetPeriod: first.resetPeriod,
        currentPeriodStart: window?.from.toISOString() ?? null,
        currentPeriodEnd: window?.to.toISOString() ?? null,
      };
      return { ...metered, projection: projectUsage(metered, now) };
    }
  }
}

async function creditEntitlements(
  db: Db,
  customerId: string,
  subscriptions: (Subscription & { plan: Plan })[],
  onlySubscription: string | undefined,
  now: Date,
): Promise<Entitlement[]> {
  const entitling = subscriptions.map((s) => s.id);
  const sums = await db.creditGrant.groupBy({
    by: ["creditTypeId", "subscriptionId"],
    where: {
      customerId,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      ...(onlySubscription
        ? { subscriptionId: onlySubscription }
        : { OR: [{ subscriptionId: null }, { subscriptionId: { in: entitling } }] }),
    },
    _sum: { amount: true, consumed: true },
  });
  if (sums.length === 0) return [];
  const types = await db.creditType.findMany({ where: { id: { in: sums.map((s) => s.creditTypeId) } } });
  return types.map((type) => {
    const rows = sums.filter((s) => s.creditTypeId === type.id);
    const totalGranted = rows.reduce((a, r) => a + (r._sum.amount ?? 0), 0);
    const totalConsumed = rows.reduce((a, r) => a + (r._sum.consumed ?? 0), 0);
    const grantedBy = subscriptions
      .filter((s) => rows.some((r) => r.subscriptionId === s.id))
      .map((s) => ({ subscriptionId: s.id, planName: s.plan.name }));
    return {
      id: type.id,
      name: type.name,
      kind: "credits" as const,
      grantedBy,
      currentBalance: totalGranted - totalConsumed,
      totalGranted,
      totalConsumed,
      hasCustomerLevelGrant: rows.some((r) => r.subscriptionId === null),
      unit: type.unit,
    };
  });
}

function entitlingSubscriptions(db: Db, workspaceId: string, customerId: string, onlySubscription: string | undefined) {
  return db.subscription.findMany({
    where: {
      customerId,
      customer: { workspaceId },
      status: { in: [...ENTITLING] },
      ...(onlySubscription ? { id: onlySubscription } : {}),
    },
    include: { plan: true, grants: { include: { feature: true } } },
    orderBy: { startDate: "asc" },
  });
}

export async function buildFeatureEntitlements(
  db: Db,
  workspaceId: string,
  customerId: string,
  onlySubscription: string | undefined,
  now: Date,
): Promise<Entitlement[]> {
  const subscriptions = await entitlingSubscriptions(db, workspaceId, customerId, onlySubscription);
  const byFeature = new Map<string, Grant[]>();
  for (const s of subscriptions) {
    for (const g of s.grants) {
      const list = byFeature.get(g.featureId) ?? [];
      list.push({ ...g, subscription: s });
      byFeature.set(g.featureId, list);
    }
  }
  return Promise.all([...byFeature.values()].map((grants) => featureEntitlement(db, customerId, grants, now)));
}

/** Customer-level credits (and those of the entitling subscriptions), or one subscription's. */
export async function buildCreditEntitlements(
  db: Db,
  workspaceId: string,
  customerId: string,
  onlySubscription: string | undefined,
  now: Date,
): Promise<Entitlement[]> {
  const subscriptions = await entitlingSubscriptions(db, workspaceId, customerId, onlySubscription);
  if (onlySubscription && subscriptions.length === 0) return [];
  return creditEntitlements(db, customerId, subscriptions, onlySubscription, now);
}
