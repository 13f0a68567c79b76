import type { Customer, Entitlement, Subscription, UsageSeries } from "@/contract";
import type { Db } from "../../db/client";
import type { Workspace } from "@/generated/prisma/client";
import type { EntitlementSource, TimeWindow } from "../types";
import { buildCreditEntitlements, buildFeatureEntitlements, ENTITLING } from "./entitlements";
import { usageSeriesFor } from "./usageSeries";

/** The embedded default: a Stigg-shaped catalogue in the project's own database. */
export class SandboxSource implements EntitlementSource {
  constructor(
    private readonly db: Db,
    private readonly workspace: Workspace,
  ) {}

  async findCustomer(stripeCustomerId: string): Promise<Customer | null> {
    const row = await this.db.customer.findUnique({
      where: { workspaceId_billingId: { workspaceId: this.workspace.id, billingId: stripeCustomerId } },
    });
    if (!row) return null;
    return {
      stripeCustomerId: row.billingId,
      stiggCustomerId: row.id,
      name: row.name,
      email: row.email,
      stiggUrl: `${this.workspace.stiggAppBaseUrl}/customers/${encodeURIComponent(row.id)}`,
    };
  }

  async listSubscriptions(customer: Customer): Promise<Subscription[]> {
    const rows = await this.db.subscription.findMany({
      where: { customerId: customer.stiggCustomerId, customer: { workspaceId: this.workspace.id } },
      include: { plan: true },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
    });
    return rows.map((s) => ({
      id: s.id,
      planId: s.planId,
      planName: s.plan.name,
      status: s.status,
      rawStatus: s.status,
      trialEndsAt: s.trialEndsAt?.toISOString() ?? null,
      startDate: s.startDate.toISOString(),
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    }));
  }

  // Reads go straight to the database, so `fresh` has nothing to bypass here.
  getFeatureEntitlements(customer: Customer, options: { subscriptionId?: string }): Promise<Entitlement[]> {
    return buildFeatureEntitlements(this.db, this.workspace.id, customer.stiggCustomerId, options.subscriptionId, new Date());
  }

  getCreditEntitlements(customer: Customer, options: { subscriptionId?: string }): Promise<Entitlement[]> {
    return buildCreditEntitlements(this.db, this.workspace.id, customer.stiggCustomerId, options.subscriptionId, new Date());
  }

  async getUsageSeries(customer: Customer, featureId: string, window?: TimeWindow): Promise<UsageSeries | null> {
    const grant = await this.db.entitlementGrant.findFirst({
      where: {
        featureId,
        feature: { kind: "metered", workspaceId: this.workspace.id },
        subscription: { customerId: customer.stiggCustomerId, status: { in: [...ENTITLING] } },
      },
      include: { feature: true, subscription: true },
      orderBy: { subscription: { startDate: "asc" } },
    });
    if (!grant) return null;
    return usageSeriesFor(this.db, customer.stiggCustomerId, grant, new Date(), window);
  }
}
