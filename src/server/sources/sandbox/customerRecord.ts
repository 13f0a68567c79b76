import type { Subscription } from "@/contract";
import type { Db } from "../../db/client";
import { ENTITLING, type GrantRow } from "./entitlements";

/**
 * A customer with its subscriptions and what its entitling subscriptions grant, in one
 * statement: the customer lookup, the subscription list and the feature grants of a first
 * paint were three. A statement costs far more than the few extra joined rows.
 */
export interface CustomerRecord {
  id: string;
  name: string | null;
  email: string | null;
  /** Newest first, as the drawer lists them. */
  subscriptions: Subscription[];
  /** Of the entitling subscriptions only, oldest subscription first. */
  grants: GrantRow[];
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
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function readCustomerRecord(db: Db, workspaceId: string, billingId: string): Promise<CustomerRecord | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT c.id AS "customerId", c.name AS "customerName", c.email AS "customerEmail",
           s.id AS "subscriptionId", s.plan_id AS "planId", p.name AS "planName", s.status::text AS status,
           s.trial_ends_at AS "trialEndsAt", s.start_date AS "subscriptionStart",
           s.created_at AS "createdAt", s.updated_at AS "updatedAt",
           (dense_rank() OVER (ORDER BY s.start_date DESC, s.id ASC))::int AS "listOrder",
           g.id AS "grantId", f.id AS "featureId", f.name AS "featureName", f.kind::text AS kind,
           f.meter_kind::text AS "meterKind", f.unit_singular AS "unitSingular", f.unit_plural AS "unitPlural",
           g.enabled, g.number_value AS "numberValue", g.string_value AS "stringValue", g.usage_limit AS "usageLimit",
           g.has_unlimited AS "hasUnlimited", g.has_soft_limit AS "hasSoftLimit", g.reset_period::text AS "resetPeriod"
    FROM customer c
    LEFT JOIN subscription s ON s.customer_id = c.id
    LEFT JOIN plan p ON p.id = s.plan_id
    LEFT JOIN entitlement_grant g ON g.subscription_id = s.id AND s.status::text IN (${ENTITLING[0]}, ${ENTITLING[1]})
    LEFT JOIN feature f ON f.id = g.feature_id
    WHERE c.workspace_id = ${workspaceId} AND c.billing_id = ${billingId}
    ORDER BY s.start_date, s.id, g.id`;
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
  };
}
