import type { Entitlement, GrantSource, ResetPeriod } from "@/contract";
import { getConfig } from "../../config";
import { ReadCache } from "../../db/readCache";
import { type SqlReader, sql } from "../../db/sql";
import { projectUsage } from "../projection";
import { currentWindow, type Meter } from "./usageSeries";

/*
 * A customer's entitlements in a fixed number of statements, whatever the number of
 * features, subscriptions or credit grants: features take one beyond the customer's record
 * (customerRecord.ts, which holds the grants of the entitling subscriptions and the
 * credits): the usage of every metered feature; credits none. Raw SQL, because each is one join or aggregate the
 * ORM would split up.
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
 * Current usage of every meter in one statement: the period's event total, or the latest
 * reading for `usage` meters.
 */
function currentUsage(db: SqlReader, customerId: string, meters: Meter[], now: Date, fresh: boolean): Promise<Map<string, number>> {
  if (meters.length === 0) return Promise.resolve(new Map());
  const read = () => {
    const wanted = meters.map((m) => {
      const { from, to } = currentWindow(m, now);
      return { feature_id: m.featureId, latest: m.meterKind === "usage", from_ts: from.toISOString(), to_ts: to.toISOString() };
    });
    return readUsage(db, customerId, JSON.stringify(wanted), now);
  };
  if (fresh) return read();
  // Keyed by the meters, not their windows: a meter that never resets looks back from now.
  const key = meters.map((m) => `${m.featureId}:${m.meterKind}:${m.resetPeriod}:${m.subscriptionStart.getTime()}`).join("|");
  return usageTotals.read(db.generation(), `${customerId}/${key}`, read);
}

/** Usage totals as read, shared by requests until any change to the store or READ_CACHE_MS. */
const usageTotals = new ReadCache<Map<string, number>>(() => getConfig().readCacheMs);

async function readUsage(db: SqlReader, customerId: string, wanted: string, now: Date): Promise<Map<string, number>> {
  const rows = await db.rows<{ featureId: string; value: number | null }>(sql`
    SELECT q.feature_id AS "featureId",
      CASE WHEN q.latest THEN (
        SELECT u.value FROM usage_record u
        WHERE u.customer_id = ${customerId} AND u.feature_id = q.feature_id AND u."timestamp" <= ${now}
        ORDER BY u."timestamp" DESC LIMIT 1)
      ELSE (
        SELECT sum(u.value) FROM usage_record u
        WHERE u.customer_id = ${customerId} AND u.feature_id = q.feature_id
          AND u."timestamp" >= q.from_ts AND u."timestamp" < q.to_ts)
      END AS value
    FROM json_to_recordset(${wanted}::json) AS q(feature_id text, latest boolean, from_ts timestamp, to_ts timestamp)`);
  return new Map(rows.map((r) => [r.featureId, Number(r.value ?? 0)]));
}

/**
 * One entitlement per feature, merged across the subscriptions that grant it the way
 * Stigg merges them: limits add up, any unlimited grant wins, booleans are OR-ed.
 */
function featureEntitlement(grants: GrantRow[], usage: Map<string, number>, now: Date): Entitlement {
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
        currentUsage: usage.get(first.featureId) ?? 0,
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

/** Feature entitlements from the grants of the customer's record: one statement, for the usage. */
export async function buildFeatureEntitlements(
  db: SqlReader,
  customerId: string,
  grants: GrantRow[],
  onlySubscription: string | undefined,
  now: Date,
  fresh = false,
): Promise<Entitlement[]> {
  const byFeature = new Map<string, GrantRow[]>();
  for (const g of grants) {
    if (onlySubscription !== undefined && g.subscriptionId !== onlySubscription) continue;
    const list = byFeature.get(g.featureId) ?? [];
    list.push(g);
    byFeature.set(g.featureId, list);
  }
  const meters = [...byFeature.values()].map((grants) => grants[0]!).filter((g) => g.kind === "metered").map(meterOf);
  const usage = await currentUsage(db, customerId, meters, now, fresh);
  return [...byFeature.values()].map((grants) => featureEntitlement(grants, usage, now));
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
