import type { Subscription } from "@/contract";
import { type SqlReader, sql } from "../../db/sql";
import { type CreditRow, ENTITLING, type GrantRow } from "./entitlements";

/**
 * A customer with its subscriptions, what its entitling subscriptions grant with each
 * metered grant's current usage, and its credits, in one statement: the customer lookup,
 * the subscription list, the feature grants, their usage and the credits of a first paint
 * were five. A statement costs the host far more than a few extra joined rows.
 */
export interface CustomerRecord {
  id: string;
  name: string | null;
  email: string | null;
  /** Newest first, as the drawer lists them. */
  subscriptions: Subscription[];
  /** Of the entitling subscriptions only, oldest subscription first. */
  grants: GrantRow[];
  /** Unexpired credits per type and granting subscription: the customer's own, and the entitling subscriptions'. */
  credits: CreditRow[];
  /** The moment the usage periods and the credits' expiry were judged at. */
  readAt: Date;
}

/** A customer without subscriptions, or a subscription without grants, leaves columns null. */
type Row = { [K in keyof GrantRow]: GrantRow[K] | null } & {
  customerId: string;
  customerName: string | null;
  customerEmail: string | null;
  planId: string | null;
  status: Subscription["status"] | null;
  trialEndsAt: Date | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  /** The subscription's place in the drawer's list (PostgreSQL's collation orders the ids). */
  listOrder: number;
  grantId: string | null;
  /** On one row only (JSON, computed once per customer); null when there are none. */
  credits: CreditRow[] | string | null;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function readCustomerRecord(db: SqlReader, workspaceId: string, billingId: string, now: Date): Promise<CustomerRecord | null> {
  const rows = await db.rows<Row>(sql`
    SELECT c.id AS "customerId", c.name AS "customerName", c.email AS "customerEmail",
           s.id AS "subscriptionId", s.plan_id AS "planId", p.name AS "planName", s.status::text AS status,
           s.trial_ends_at AS "trialEndsAt", s.start_date AS "subscriptionStart",
           s.created_at AS "createdAt", s.updated_at AS "updatedAt",
           (dense_rank() OVER (ORDER BY s.start_date DESC, s.id ASC))::int AS "listOrder",
           g.id AS "grantId", f.id AS "featureId", f.name AS "featureName", f.kind::text AS kind,
           f.meter_kind::text AS "meterKind", f.unit_singular AS "unitSingular", f.unit_plural AS "unitPlural",
           g.enabled, g.number_value AS "numberValue", g.string_value AS "stringValue", g.usage_limit AS "usageLimit",
           g.has_unlimited AS "hasUnlimited", g.has_soft_limit AS "hasSoftLimit", g.reset_period::text AS "resetPeriod",
           CASE WHEN row_number() OVER (ORDER BY s.start_date, s.id, g.id) = 1 THEN cr.credits END AS credits,
           CASE WHEN f.kind::text <> 'metered' THEN NULL
                WHEN f.meter_kind::text = 'usage' THEN (
                  SELECT u.value FROM usage_record u
                  WHERE u.customer_id = c.id AND u.feature_id = f.id AND u."timestamp" <= ${now}::timestamp
                  ORDER BY u."timestamp" DESC LIMIT 1)
                ELSE coalesce((
                  SELECT sum(u.value) FROM usage_record u
                  WHERE u.customer_id = c.id AND u.feature_id = f.id
                    AND u."timestamp" >= w.start AND u."timestamp" < w."end"), 0)
           END AS usage
    FROM customer c
    CROSS JOIN LATERAL (
      SELECT json_agg(k ORDER BY k."creditTypeId", k.start NULLS FIRST, k."subscriptionId") AS credits
      FROM (
        SELECT t.id AS "creditTypeId", t.name, t.unit, cs.id AS "subscriptionId", cp.name AS "planName",
               cs.start_date AS start, sum(cg.amount) AS granted, sum(cg.consumed) AS consumed
        FROM credit_grant cg
        JOIN credit_type t ON t.id = cg.credit_type_id
        LEFT JOIN subscription cs ON cs.id = cg.subscription_id
          AND cs.customer_id = cg.customer_id AND cs.status::text IN (${ENTITLING[0]}, ${ENTITLING[1]})
        LEFT JOIN plan cp ON cp.id = cs.plan_id
        WHERE cg.customer_id = c.id AND (cg.expires_at IS NULL OR cg.expires_at > ${now})
          AND (cg.subscription_id IS NULL OR cs.id IS NOT NULL)
        GROUP BY t.id, t.name, t.unit, cs.id, cp.name, cs.start_date
      ) k
    ) cr
    LEFT JOIN subscription s ON s.customer_id = c.id
    LEFT JOIN plan p ON p.id = s.plan_id
    LEFT JOIN entitlement_grant g ON g.subscription_id = s.id AND s.status::text IN (${ENTITLING[0]}, ${ENTITLING[1]})
    LEFT JOIN feature f ON f.id = g.feature_id
    -- The grant's current usage period (a meter that never resets: the last 30 days), as
    -- billingPeriod.ts finds it: migration 20261129100000_usage_period_function.
    LEFT JOIN LATERAL (
      SELECT app_usage_period_index(s.start_date, g.reset_period::text, ${now}::timestamp) AS n
    ) k ON g.reset_period IS NOT NULL
    LEFT JOIN LATERAL (
      SELECT CASE WHEN g.reset_period IS NULL THEN ${now}::timestamp - interval '30 days'
                  ELSE app_usage_period_bound(s.start_date, g.reset_period::text, k.n) END AS start,
             CASE WHEN g.reset_period IS NULL THEN ${now}::timestamp
                  ELSE app_usage_period_bound(s.start_date, g.reset_period::text, k.n + 1) END AS "end"
    ) w ON f.kind::text = 'metered'
    WHERE c.workspace_id = ${workspaceId} AND c.billing_id = ${billingId}
    ORDER BY s.start_date, s.id, g.id`);
  const first = rows[0];
  if (!first) return null;
  const subscriptions = new Map<string, { order: number; subscription: Subscription }>();
  const grants: GrantRow[] = [];
  for (const r of rows) {
    if (r.subscriptionId === null) continue;
    if (!subscriptions.has(r.subscriptionId)) {
      subscriptions.set(r.subscriptionId, {
        order: r.listOrder,
        subscription: {
          id: r.subscriptionId,
          planId: r.planId!,
          planName: r.planName!,
          status: r.status!,
          rawStatus: r.status!,
          trialEndsAt: iso(r.trialEndsAt),
          startDate: iso(r.subscriptionStart)!,
          createdAt: iso(r.createdAt)!,
          updatedAt: iso(r.updatedAt)!,
        },
      });
    }
    if (r.grantId !== null) grants.push(r as GrantRow);
  }
  return {
    id: first.customerId,
    name: first.customerName,
    email: first.customerEmail,
    subscriptions: [...subscriptions.values()].sort((a, b) => a.order - b.order).map((s) => s.subscription),
    grants,
    credits: creditsOf(rows.find((r) => r.credits !== null)?.credits ?? null),
    readAt: now,
  };
}

/** The credits' JSON, whichever way the driver hands it over; sums may come as strings. */
function creditsOf(json: CreditRow[] | string | null): CreditRow[] {
  const rows: CreditRow[] = typeof json === "string" ? JSON.parse(json) : (json ?? []);
  return rows.map((r) => ({ ...r, granted: Number(r.granted), consumed: Number(r.consumed) }));
}
