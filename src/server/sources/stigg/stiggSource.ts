import { type Customer, type Entitlement, stripeCustomerId, type Subscription, type UsageSeries } from "@/contract";
import {
  type BilledSubscription,
  type EntitlementSource,
  type SourceLog,
  SourceUnavailableError,
  type TimeWindow,
} from "../types";
import type { StiggGraphqlClient } from "./graphqlClient";
import { isSkipped, type SkippedEntitlement, toCreditEntitlement, toCustomer, toEntitlement, toSubscription, unshowableId } from "./mapping";
import {
  findCustomerByBillingId,
  findSubscriptionByBillingId,
  getCreditEntitlements,
  getCustomerEntitlements,
  getUsageHistory,
  listCustomerSubscriptions,
  type StiggCreditEntitlement,
  type StiggSubscription,
  type SubscriptionsPage,
} from "./queries";
import type { ReadCache } from "./readCache";
import { dailyUsage, resetMarkers, startsAtReset } from "./usageSeries";

const PAGE_SIZE = 50;
/** A customer with more subscriptions than this is cut short rather than paged forever. */
const MAX_PAGES = 10;
const DAY = 864e5;

/**
 * A Stigg workspace: reads Stigg's GraphQL API for the workspace's environment. Built per
 * request, with that request's log: what it leaves out is logged there, once per request.
 */
export class StiggSource implements EntitlementSource {
  private readonly reported = new Set<string>();

  constructor(
    private readonly client: StiggGraphqlClient,
    private readonly cache: ReadCache,
    private readonly workspace: { id: string; stiggAppBaseUrl: string },
    private readonly log: SourceLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Cache keys start with the workspace id, so two environments never see each other's
   * answers (and a shared cache can be cleared per workspace); they never hold the key.
   */
  private cached<T>(parts: string[], load: () => Promise<T>, fresh?: boolean): Promise<T> {
    return this.cache.get(`${this.workspace.id}:${JSON.stringify(parts)}`, load, { fresh });
  }

  async findCustomer(stripeCustomerId: string, options: { fresh?: boolean } = {}): Promise<Customer | null> {
    const data = await this.cached(
      ["customer", stripeCustomerId],
      () => this.client.request(findCustomerByBillingId, { billingId: stripeCustomerId }),
      options.fresh,
    );
    const node = data.customers.edges[0]?.node;
    if (node) brokenIfBlank(node.customerId, findCustomerByBillingId.operationName);
    return node ? toCustomer(node, stripeCustomerId, this.workspace.stiggAppBaseUrl) : null;
  }

  async listSubscriptions(customer: Customer, options: { fresh?: boolean } = {}): Promise<Subscription[]> {
    const rows = await this.cached(["subscriptions", customer.stiggCustomerId], async () => {
      return allPages<StiggSubscription>(async (after) => {
        const { subscriptions }: SubscriptionsPage = await this.client.request(listCustomerSubscriptions, {
          customerId: customer.stiggCustomerId,
          first: PAGE_SIZE,
          after,
        });
        return subscriptions;
      });
    }, options.fresh);
    const now = this.now();
    const seen = new Set<string>();
    return rows
      .filter((s) => this.showable(s, seen))
      .map((s) => toSubscription(s, now))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id));
  }

  async findSubscriptionByBillingId(stripeSubscriptionId: string): Promise<BilledSubscription | null> {
    const data = await this.cached(["subscriptionByBillingId", stripeSubscriptionId], () =>
      this.client.request(findSubscriptionByBillingId, { billingId: stripeSubscriptionId }),
    );
    const node = data.subscriptions.edges[0]?.node;
    if (!node) return null;
    brokenIfBlank(node.customer.customerId, findSubscriptionByBillingId.operationName);
    // The drawer's customer is a Stripe customer; one Stigg has not synced to Stripe cannot be shown as one.
    const billingId = stripeCustomerId.safeParse(node.customer.billingId);
    if (!billingId.success) {
      this.reportOnce("subscription's customer has no Stripe customer id", null);
      return null;
    }
    return {
      customer: toCustomer(node.customer, billingId.data, this.workspace.stiggAppBaseUrl),
      subscription: toSubscription(node, this.now()),
    };
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
      () => this.client.request(getCreditEntitlements, { query: { customerId: customer.stiggCustomerId } }),
      options.fresh,
    );
    const credits = data.entitlementsWithSummary.entitlements.filter(
      (e): e is StiggCreditEntitlement => e.__typename === "CreditEntitlementWithSummary",
    );
    return this.shown(credits.map(toCreditEntitlement));
  }

  /**
   * What the drawer can show; each row left out is logged, once per request. Ids are unique
   * within a list (the drawer keys its rows by them): a second row with an id is left out.
   */
  private shown(rows: (Entitlement | SkippedEntitlement)[]): Entitlement[] {
    const out = new Map<string, Entitlement>();
    for (const e of rows) {
      if (isSkipped(e)) this.reportOnce(e.skipped, e.featureId);
      else if (out.has(e.id)) this.reportOnce("a second entitlement with the same id", e.id);
      else out.set(e.id, e);
    }
    return [...out.values()];
  }

  /**
   * A subscription whose id the drawer cannot carry is left out (and logged), not the list;
   * so is a second one with the same id.
   */
  private showable(s: StiggSubscription, seen: Set<string>): boolean {
    const badId = unshowableId(s.subscriptionId) ?? (seen.has(s.subscriptionId) ? "an id already listed" : null);
    if (badId) this.reportOnce(`the subscription has ${badId}`, null);
    seen.add(s.subscriptionId);
    return !badId;
  }

  private async featureEntitlements(customer: Customer, fresh?: boolean): Promise<Entitlement[]> {
    const data = await this.cached(
      ["entitlements", customer.stiggCustomerId],
      () => this.client.request(getCustomerEntitlements, { query: { customerId: customer.stiggCustomerId } }),
      fresh,
    );
    const now = this.now();
    return this.shown(data.entitlements.map((e) => toEntitlement(e, now)));
  }

  private reportOnce(reason: string, featureId: string | null) {
    const key = JSON.stringify([reason, featureId]);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log.warn({ workspaceId: this.workspace.id, featureId, reason }, "Stigg entitlement left out");
  }

  async getUsageSeries(
    customer: Customer,
    featureId: string,
    window?: TimeWindow,
    options: { fresh?: boolean } = {},
  ): Promise<UsageSeries | null> {
    const metered = (await this.featureEntitlements(customer, options.fresh)).find((e) => e.id === featureId && e.kind === "metered");
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
    const { usageHistoryV2 } = await this.cached(
      ["usage", input.customerId, featureId, input.startDate, input.endDate],
      () => this.client.request(getUsageHistory, { input }),
      options.fresh,
    );
    return {
      featureId,
      from: input.startDate,
      to: input.endDate,
      points: dailyUsage(usageHistoryV2, metered.meterKind, {
        fromZero: startsAtReset(usageHistoryV2, range, metered.currentPeriodStart),
      }),
      resetMarkers: resetMarkers(usageHistoryV2, range),
    };
  }
}

/**
 * A customer whose id is blank cannot be read further (every other read names it): a broken
 * answer, a failed read, never another customer's data or none.
 */
function brokenIfBlank(customerId: string, operationName: string) {
  if (customerId.trim() === "") throw new SourceUnavailableError(`Stigg ${operationName}: the customer's id is blank`);
}

/** Every node of a paged read, up to MAX_PAGES; only a reported next page is followed (hasNextPage may be null). */
async function allPages<N>(
  read: (after: string | null) => Promise<{
    edges?: { node: N }[] | null;
    pageInfo: { hasNextPage?: boolean | null; endCursor?: string | null };
  }>,
): Promise<N[]> {
  const all: N[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { edges, pageInfo } = await read(after);
    all.push(...(edges ?? []).map((e) => e.node));
    if (pageInfo.hasNextPage !== true || !pageInfo.endCursor) break;
    after = pageInfo.endCursor;
  }
  return all;
}
