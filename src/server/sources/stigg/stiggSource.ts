import type { Customer, Entitlement, Subscription, UsageSeries } from "@/contract";
import type { EntitlementSource, TimeWindow } from "../types";
import type { StiggGraphqlClient } from "./graphqlClient";
import { toCreditEntitlement, toCustomer, toEntitlement, toSubscription } from "./mapping";
import {
  findCustomerByBillingId,
  getCreditBalances,
  getCustomerEntitlements,
  getUsageHistory,
  listCustomerSubscriptions,
  type StiggSubscription,
  type SubscriptionsPage,
} from "./queries";
import type { TtlCache } from "./ttlCache";
import { dailyUsage, resetMarkers } from "./usageSeries";

const PAGE_SIZE = 50;
/** A customer with more subscriptions than this is cut short rather than paged forever. */
const MAX_PAGES = 10;
const DAY = 864e5;

/** A Stigg workspace: reads Stigg's GraphQL API for the workspace's environment. */
export class StiggSource implements EntitlementSource {
  constructor(
    private readonly client: StiggGraphqlClient,
    private readonly cache: TtlCache,
    private readonly workspace: { id: string; stiggAppBaseUrl: string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Cache entries are per workspace, so two environments never see each other's answers. */
  private cached<T>(parts: string[], load: () => Promise<T>, fresh?: boolean): Promise<T> {
    return this.cache.get(JSON.stringify([this.workspace.id, ...parts]), load, { fresh });
  }

  async findCustomer(stripeCustomerId: string): Promise<Customer | null> {
    const data = await this.cached(["customer", stripeCustomerId], () =>
      this.client.request(findCustomerByBillingId, { billingId: stripeCustomerId }),
    );
    const node = data.customers.edges[0]?.node;
    return node ? toCustomer(node, stripeCustomerId, this.workspace.stiggAppBaseUrl) : null;
  }

  async listSubscriptions(customer: Customer): Promise<Subscription[]> {
    const rows = await this.cached(["subscriptions", customer.stiggCustomerId], async () => {
      const all: StiggSubscription[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { subscriptions }: SubscriptionsPage = await this.client.request(listCustomerSubscriptions, {
          customerId: customer.stiggCustomerId,
          first: PAGE_SIZE,
          after,
        });
        all.push(...subscriptions.edges.map((e) => e.node));
        if (!subscriptions.pageInfo.hasNextPage || !subscriptions.pageInfo.endCursor) break;
        after = subscriptions.pageInfo.endCursor;
      }
      return all;
    });
    const now = this.now();
    return rows
      .map((s) => toSubscription(s, now))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id));
  }

  async getFeatureEntitlements(
    customer: Customer,
    options: { subscriptionId?: string; fresh?: boolean },
  ): Promise<Entitlement[]> {
    const all = await this.featureEntitlements(customer, options.fresh);
    return options.subscriptionId
      ? all.filter((e) => e.grantedBy.some((g) => g.subscriptionId === options.subscriptionId))
      : all;
  }

  /** Credit balances belong to the customer; a single subscription's view has none. */
  async getCreditEntitlements(customer: Customer, options: { subscriptionId?: string; fresh?: boolean }): Promise<Entitlement[]> {
    if (options.subscriptionId) return [];
    const data = await this.cached(
      ["credits", customer.stiggCustomerId],
      () => this.client.request(getCreditBalances, { input: { customerId: customer.stiggCustomerId } }),
      options.fresh,
    );
    return data.creditBalanceSummary.balances.map(toCreditEntitlement);
  }

  private async featureEntitlements(customer: Customer, fresh?: boolean): Promise<Entitlement[]> {
    const data = await this.cached(
      ["entitlements", customer.stiggCustomerId],
      () => this.client.request(getCustomerEntitlements, { query: { customerId: customer.stiggCustomerId } }),
      fresh,
    );
    return data.entitlements.map((e) => toEntitlement(e, this.now()));
  }

  async getUsageSeries(customer: Customer, featureId: string, window?: TimeWindow): Promise<UsageSeries | null> {
    const metered = (await this.featureEntitlements(customer)).find((e) => e.id === featureId && e.kind === "metered");
    if (!metered || metered.kind !== "metered") return null;
    const now = this.now();
    // By default the current usage period, as Stigg reports it; a meter that never resets
    // shows the last 30 days.
    const range = window ?? {
      from: metered.currentPeriodStart ? new Date(metered.currentPeriodStart) : new Date(now.getTime() - 30 * DAY),
      to: metered.currentPeriodEnd ? new Date(metered.currentPeriodEnd) : now,
    };
    const input = {
      customerId: customer.stiggCustomerId,
      featureId,
      startDate: range.from.toISOString(),
      endDate: range.to.toISOString(),
    };
    const { usageHistoryV2 } = await this.cached(["usage", input.customerId, featureId, input.startDate, input.endDate], () =>
      this.client.request(getUsageHistory, { input }),
    );
    return {
      featureId,
      from: input.startDate,
      to: input.endDate,
      points: dailyUsage(usageHistoryV2, metered.meterKind),
      resetMarkers: resetMarkers(usageHistoryV2, range),
    };
  }
}
