import type { Customer, Entitlement, Subscription, UsageSeries } from "@/contract";
import { type SqlReader, sql } from "../../db/sql";
import type { Workspace } from "@/generated/prisma/client";
import type { BilledSubscription, EntitlementSource, TimeWindow } from "../types";
import { buildCreditEntitlements, buildFeatureEntitlements, ENTITLING } from "./entitlements";
import { type Meter, usageSeriesFor } from "./usageSeries";
import { type CustomerRecord, readCustomerRecord } from "./customerRecord";
import { getConfig } from "../../config";
import { ReadCache } from "../../db/readCache";

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

interface SubscriptionRow {
  id: string;
  planId: string;
  planName: string;
  status: Subscription["status"];
  trialEndsAt: Date | null;
  startDate: Date;
  createdAt: Date;
  updatedAt: Date;
}

function toSubscription(s: SubscriptionRow): Subscription {
  return {
    id: s.id,
    planId: s.planId,
    planName: s.planName,
    status: s.status,
    rawStatus: s.status,
    trialEndsAt: iso(s.trialEndsAt),
    startDate: iso(s.startDate)!,
    createdAt: iso(s.createdAt)!,
    updatedAt: iso(s.updatedAt)!,
  };
}

/**
 * Customers' records (usage included) as read, shared by requests until any change to the
 * catalogue or its usage (from any process: changeFeed.ts) or READ_CACHE_MS; a refresh
 * (`fresh`) reads through.
 */
const records = new ReadCache<CustomerRecord | null>(() => getConfig().readCacheMs);

/**
 * The embedded default: a Stigg-shaped catalogue in the project's own database. Built
 * per request, so the customer's record it reads (the customer, its subscriptions, their
 * grants and the credits, in one statement) is kept for the request's other calls (a first paint
 * asks three times); between requests, only in `records`.
 */
export class SandboxSource implements EntitlementSource {
  private readonly records = new Map<string, Promise<CustomerRecord | null>>();
  /** Customers already read through for a refresh in this request. */
  private readonly refreshed = new Set<string>();

  constructor(
    private readonly db: SqlReader,
    private readonly workspace: Workspace,
  ) {}

  private record(stripeCustomerId: string, fresh = false): Promise<CustomerRecord | null> {
    let found = this.records.get(stripeCustomerId);
    if (!found || fresh) {
      const read = () => readCustomerRecord(this.db, this.workspace.id, stripeCustomerId, new Date());
      found = fresh ? read() : records.read(this.db.generation(), `${this.workspace.id}/${stripeCustomerId}`, read);
      this.records.set(stripeCustomerId, found);
    }
    return found;
  }

  /**
   * The record of a customer this source found (a call of another request reads it again).
   * `fresh`: read through the shared cache, once for the request's calls.
   */
  private async recordOf(customer: Customer, fresh = false): Promise<CustomerRecord> {
    const record = await this.record(customer.stripeCustomerId, this.throughOnce(customer.stripeCustomerId, fresh));
    if (!record || record.id !== customer.stiggCustomerId) throw new Error(`customer ${customer.stiggCustomerId} is gone`);
    return record;
  }

  async findCustomer(stripeCustomerId: string, options: { fresh?: boolean } = {}): Promise<Customer | null> {
    const record = await this.record(stripeCustomerId, this.throughOnce(stripeCustomerId, options.fresh));
    if (!record) return null;
    return {
      stripeCustomerId,
      stiggCustomerId: record.id,
      name: record.name,
      email: record.email,
      stiggUrl: `${this.workspace.stiggAppBaseUrl}/customers/${encodeURIComponent(record.id)}`,
    };
  }

  /** A refresh's first read of this customer in the request goes through; the others share it. */
  private throughOnce(stripeCustomerId: string, fresh = false): boolean {
    const through = fresh && !this.refreshed.has(stripeCustomerId);
    if (through) this.refreshed.add(stripeCustomerId);
    return through;
  }

  async listSubscriptions(customer: Customer, options: { fresh?: boolean } = {}): Promise<Subscription[]> {
    return (await this.recordOf(customer, options.fresh)).subscriptions;
  }

  async findSubscriptionByBillingId(stripeSubscriptionId: string): Promise<BilledSubscription | null> {
    const [row] = await this.db.rows<SubscriptionRow & { customerBillingId: string }>(sql`
      SELECT s.id, s.plan_id AS "planId", p.name AS "planName", s.status::text AS status,
             s.trial_ends_at AS "trialEndsAt", s.start_date AS "startDate", s.created_at AS "createdAt", s.updated_at AS "updatedAt",
             c.billing_id AS "customerBillingId"
      FROM subscription s
      JOIN customer c ON c.id = s.customer_id
      JOIN plan p ON p.id = s.plan_id
      WHERE s.billing_id = ${stripeSubscriptionId} AND c.workspace_id = ${this.workspace.id}
      ORDER BY s.start_date DESC, s.id ASC
      LIMIT 1`);
    if (!row) return null;
    const customer = await this.findCustomer(row.customerBillingId);
    return customer ? { customer, subscription: toSubscription(row) } : null;
  }

  // A refresh reads the record (and so the usage) again, once for the request.
  async getFeatureEntitlements(customer: Customer, options: { subscriptionId?: string; fresh?: boolean }): Promise<Entitlement[]> {
    const { grants, readAt } = await this.recordOf(customer, options.fresh);
    // The periods shown are those the usage was summed over, however long the record was kept.
    return buildFeatureEntitlements(grants, options.subscriptionId, readAt);
  }

  async getCreditEntitlements(customer: Customer, options: { subscriptionId?: string; fresh?: boolean }): Promise<Entitlement[]> {
    return buildCreditEntitlements((await this.recordOf(customer, options.fresh)).credits, options.subscriptionId);
  }

  async getUsageSeries(customer: Customer, featureId: string, window?: TimeWindow): Promise<UsageSeries | null> {
    // The meter of the oldest entitling subscription that grants this metered feature.
    const [meter] = await this.db.rows<Meter>(sql`
      SELECT f.id AS "featureId", coalesce(f.meter_kind::text, 'events') AS "meterKind",
             g.reset_period::text AS "resetPeriod", s.start_date AS "subscriptionStart"
      FROM entitlement_grant g
      JOIN feature f ON f.id = g.feature_id
      JOIN subscription s ON s.id = g.subscription_id
      WHERE g.feature_id = ${featureId} AND f.kind = 'metered' AND f.workspace_id = ${this.workspace.id}
        AND s.customer_id = ${customer.stiggCustomerId} AND s.status::text IN (${ENTITLING[0]}, ${ENTITLING[1]})
      ORDER BY s.start_date
      LIMIT 1`);
    if (!meter) return null;
    return usageSeriesFor(this.db, customer.stiggCustomerId, { ...meter, subscriptionStart: new Date(meter.subscriptionStart) }, new Date(), window);
  }
}
