import Stripe from "stripe";
import type { Customer, Entitlement, GrantSource, Subscription, UsageSeries } from "@/contract";
import type { ReadCache } from "../stigg/readCache";
import { unshowableId } from "../stigg/mapping";
import type { BilledSubscription, EntitlementSource, SourceLog, TimeWindow } from "../types";
import {
  ENTITLING,
  type MeterFacts,
  planItem,
  planName,
  toBooleanEntitlement,
  toCreditEntitlements,
  toCustomer,
  toMeteredEntitlement,
  toSubscription,
} from "./mapping";
import {
  type SlimCreditGrant,
  type SlimCustomer,
  type SlimFeature,
  type SlimItem,
  type SlimPrice,
  type SlimProduct,
  type SlimSubscription,
  slimCreditGrant,
  slimCustomer,
  slimFeature,
  slimPrice,
  slimProduct,
  slimSubscription,
} from "./slim";
import type { StripeReader } from "./stripeReader";
import { dailyPoints, dayAligned, minuteAligned } from "./usageWindow";

const PAGE = 100;
/** A customer with more than this many pages of a list is cut short rather than paged forever. */
const MAX_PAGES = 10;

/**
 * The credit balance filter: every credit applicable to metered prices, which is the one
 * applicability scope credit grants have (https://docs.stripe.com/api/billing/credit-balance-summary/retrieve).
 */
const METERED_CREDITS = { type: "applicability_scope", applicability_scope: { price_type: "metered" } } as const;

/**
 * A Stripe Billing workspace: the linked Stripe account's own Entitlements, Billing Meters
 * and credit grants, read with its restricted key. Built per request. A first paint is two
 * sequential rounds to Stripe: looking the customer up starts its subscriptions and active
 * entitlements alongside; then prices (with tiers), products, product features, meters,
 * meter totals and credits go out together. Reads of one request are shared (`memo`), and
 * across requests through the process cache, whose keys start with the workspace id.
 */
export class StripeBillingSource implements EntitlementSource {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly reader: StripeReader,
    private readonly cache: ReadCache,
    private readonly workspace: { id: string },
    private readonly log: SourceLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get stripe(): Stripe {
    return this.reader.client;
  }

  /** One read per request and key; across requests, the shared cache. Keys never hold the restricted key. */
  private cached<T>(parts: (string | number)[], load: () => Promise<T>, fresh?: boolean): Promise<T> {
    const key = `${this.workspace.id}:stripe:${Stripe.API_VERSION}:${JSON.stringify(parts)}`;
    const memoKey = `${fresh ? "fresh" : "any"}:${key}`;
    let p = this.memo.get(memoKey) as Promise<T> | undefined;
    if (!p) {
      p = this.cache.get(key, load, { fresh });
      this.memo.set(memoKey, p);
    }
    return p;
  }

  async findCustomer(stripeCustomerId: string, options: { fresh?: boolean } = {}): Promise<Customer | null> {
    // Round one: the customer, and what every drawer reads next, at once.
    const customer = this.customer(stripeCustomerId, options.fresh);
    for (const early of [this.subscriptions(stripeCustomerId, options.fresh), this.activeFeatures(stripeCustomerId, options.fresh)]) {
      early.catch(() => undefined); // its own reader reports the failure
    }
    const c = await customer;
    return c ? toCustomer(c) : null;
  }

  private customer(id: string, fresh?: boolean): Promise<SlimCustomer | null> {
    return this.cached(
      ["customer", id],
      async () => {
        const c = await this.reader.readOrGone("customers.retrieve", (o) => this.stripe.customers.retrieve(id, {}, o));
        // A deleted customer is "not found", as is one Stripe never had.
        return !c || ("deleted" in c && c.deleted) ? null : slimCustomer(c as Stripe.Customer);
      },
      fresh,
    );
  }

  private subscriptions(customer: string, fresh?: boolean): Promise<SlimSubscription[]> {
    return this.cached(
      ["subscriptions", customer],
      () =>
        allPages((startingAfter) =>
          this.reader.read("subscriptions.list", (o) =>
            this.stripe.subscriptions.list({ customer, status: "all", limit: PAGE, starting_after: startingAfter }, o),
          ),
        ).then((rows) => rows.map(slimSubscription)),
      fresh,
    );
  }

  private activeFeatures(customer: string, fresh?: boolean): Promise<SlimFeature[]> {
    return this.cached(
      ["activeEntitlements", customer],
      () =>
        allPages((startingAfter) =>
          this.reader.read("entitlements.activeEntitlements.list", (o) =>
            this.stripe.entitlements.activeEntitlements.list({ customer, limit: PAGE, starting_after: startingAfter, expand: ["data.feature"] }, o),
          ),
        ).then((rows) => rows.flatMap((e) => (typeof e.feature === "string" ? [] : [slimFeature(e.feature)]))),
      fresh,
    );
  }

  private products(ids: string[], fresh?: boolean): Promise<Map<string, SlimProduct | null>> {
    return Promise.all(
      [...new Set(ids)].map(async (id) => {
        const p = await this.cached(
          ["product", id],
          async () => {
            const found = await this.reader.readOrGone("products.retrieve", (o) => this.stripe.products.retrieve(id, {}, o));
            return found ? slimProduct(found) : null;
          },
          fresh,
        );
        return [id, p] as const;
      }),
    ).then((entries) => new Map(entries));
  }

  async listSubscriptions(customer: Customer, options: { fresh?: boolean } = {}): Promise<Subscription[]> {
    const subs = await this.subscriptions(customer.stiggCustomerId, options.fresh);
    const products = await this.products(
      subs.flatMap((s) => (s.items[0] ? [planItemProduct(s)] : [])),
      options.fresh,
    );
    const now = this.now();
    return subs
      .filter((s) => !unshowableId(s.id))
      .map((s) => toSubscription(s, products, now))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id));
  }

  async findSubscriptionByBillingId(stripeSubscriptionId: string): Promise<BilledSubscription | null> {
    const sub = await this.cached(["subscription", stripeSubscriptionId], async () => {
      const s = await this.reader.readOrGone("subscriptions.retrieve", (o) => this.stripe.subscriptions.retrieve(stripeSubscriptionId, {}, o));
      return s ? slimSubscription(s) : null;
    });
    if (!sub) return null;
    const customer = await this.findCustomer(sub.customer);
    if (!customer) return null;
    const products = await this.products(sub.items[0] ? [planItemProduct(sub)] : []);
    return { customer, subscription: toSubscription(sub, products, this.now()) };
  }

  async getFeatureEntitlements(customer: Customer, options: { subscriptionId?: string; fresh?: boolean }): Promise<Entitlement[]> {
    const all = await this.featureEntitlements(customer.stiggCustomerId, options.fresh);
    return options.subscriptionId ? all.filter((e) => e.grantedBy.some((g) => g.subscriptionId === options.subscriptionId)) : all;
  }

  private async featureEntitlements(customerId: string, fresh?: boolean): Promise<Entitlement[]> {
    const [subs, active] = await Promise.all([this.subscriptions(customerId, fresh), this.activeFeatures(customerId, fresh)]);
    const entitling = subs.filter((s) => ENTITLING.has(s.status));
    const productIds = entitling.flatMap((s) => s.items.map((i) => i.price.product));
    const metered = entitling.flatMap((s) => s.items.filter((i) => i.price.meter).map((item) => ({ sub: s, item })));
    // Round two, all at once.
    const [products, featuresByProduct, meteredRows] = await Promise.all([
      this.products([...productIds, ...entitling.map(planItemProduct)], fresh),
      this.productFeatures(active.length ? productIds : [], fresh),
      Promise.all(metered.map(({ sub, item }) => this.meteredRow(customerId, sub, item, fresh))),
    ]);
    const grantors = (featureId: string): GrantSource[] =>
      entitling
        .filter((s) => s.items.some((i) => featuresByProduct.get(i.price.product)?.includes(featureId)))
        .map((s) => ({ subscriptionId: s.id, planName: planName(s, products) }));
    const now = this.now();
    const rows: (Entitlement | { skipped: string; id: string })[] = [
      ...active.map((f) => (unshowableId(f.lookupKey) ? { skipped: "a feature lookup key the drawer cannot show", id: f.id } : toBooleanEntitlement(f, grantors(f.id)))),
      ...meteredRows.map(({ sub, item, meter, price, usage }) => {
        if (!meter) return { skipped: "its meter no longer exists", id: item.price.meter! };
        const row = toMeteredEntitlement({
          meter,
          price: price ?? item.price,
          product: products.get(item.price.product) ?? null,
          usage,
          periodStart: item.periodStart,
          periodEnd: item.periodEnd,
          grantedBy: [{ subscriptionId: sub.id, planName: planName(sub, products) }],
          now,
        });
        return "skipped" in row ? { ...row, id: meter.id } : row;
      }),
    ];
    return this.shown(rows);
  }

  private productFeatures(productIds: string[], fresh?: boolean): Promise<Map<string, string[]>> {
    return Promise.all(
      [...new Set(productIds)].map(async (id) => {
        const features = await this.cached(
          ["productFeatures", id],
          async () => {
            const rows = await this.reader.readOrGone("products.listFeatures", (o) => this.stripe.products.listFeatures(id, { limit: PAGE }, o));
            return (rows?.data ?? []).map((pf) => pf.entitlement_feature.id);
          },
          fresh,
        );
        return [id, features] as const;
      }),
    ).then((entries) => new Map(entries));
  }

  /** A metered item's meter, its price with tiers (what is included) and its usage this period. */
  private async meteredRow(customerId: string, sub: SlimSubscription, item: SlimItem, fresh?: boolean) {
    const meterId = item.price.meter!;
    const window = minuteAligned(item.periodStart, item.periodEnd);
    const [meter, price, usage] = await Promise.all([
      this.meter(meterId, fresh),
      this.cached(
        ["price", item.price.id],
        async () => {
          const p = await this.reader.readOrGone("prices.retrieve", (o) => this.stripe.prices.retrieve(item.price.id, { expand: ["tiers"] }, o));
          return p && !("deleted" in p && p.deleted) ? slimPrice(p as Stripe.Price) : null;
        },
        fresh,
      ),
      this.cached(
        ["usageTotal", meterId, customerId, window.start, window.end],
        async () => {
          const rows = await this.summaries(meterId, customerId, window.start, window.end, null);
          return rows.reduce((sum, r) => sum + r.value, 0);
        },
        fresh,
      ),
    ]);
    return { sub, item, meter, price: price as SlimPrice | null, usage };
  }

  private meter(id: string, fresh?: boolean): Promise<MeterFacts | null> {
    return this.cached(
      ["meter", id],
      async () => {
        const m = await this.reader.readOrGone("billing.meters.retrieve", (o) => this.stripe.billing.meters.retrieve(id, {}, o));
        return m ? { id: m.id, displayName: m.display_name, formula: m.default_aggregation.formula } : null;
      },
      fresh,
    );
  }

  private async summaries(meter: string, customer: string, start: number, end: number, grouping: "day" | null) {
    const rows = await allPages((startingAfter) =>
      this.reader.read("billing.meters.listEventSummaries", (o) =>
        this.stripe.billing.meters.listEventSummaries(
          meter,
          { customer, start_time: start, end_time: end, limit: PAGE, starting_after: startingAfter, ...(grouping ? { value_grouping_window: grouping } : {}) },
          o,
        ),
      ),
    );
    return rows.map((r) => ({ start: r.start_time, end: r.end_time, value: r.aggregated_value }));
  }

  /** Credit balances belong to the customer; a single subscription's view has none. */
  async getCreditEntitlements(customer: Customer, options: { subscriptionId?: string; fresh?: boolean }): Promise<Entitlement[]> {
    if (options.subscriptionId) return [];
    const id = customer.stiggCustomerId;
    const [available, grants] = await Promise.all([
      this.cached(
        ["creditBalance", id],
        async () => {
          const s = await this.reader.read("billing.creditBalanceSummary.retrieve", (o) =>
            this.stripe.billing.creditBalanceSummaries.retrieve({ customer: id, filter: METERED_CREDITS }, o),
          );
          return s.balances.flatMap((b) => (b.available_balance.monetary ? [b.available_balance.monetary] : []));
        },
        options.fresh,
      ),
      this.cached(
        ["creditGrants", id],
        () =>
          allPages((startingAfter) =>
            this.reader.read("billing.creditGrants.list", (o) => this.stripe.billing.creditGrants.list({ customer: id, limit: PAGE, starting_after: startingAfter }, o)),
          ).then((rows) => rows.map(slimCreditGrant).filter((g): g is SlimCreditGrant => g !== null)),
        options.fresh,
      ),
    ]);
    return toCreditEntitlements(available, grants, this.now());
  }

  /**
   * Daily usage for the graph: meter event summaries with `value_grouping_window: "day"`.
   * Stripe wants such windows on UTC midnights, so the period's start is floored and its
   * end ceiled to a day: the partial first and last days are drawn as whole UTC days (the
   * first may include usage from just before the period began), and `from`/`to` say so.
   */
  async getUsageSeries(customer: Customer, featureId: string, window?: TimeWindow, options: { fresh?: boolean } = {}): Promise<UsageSeries | null> {
    const rows = await this.featureEntitlements(customer.stiggCustomerId, options.fresh);
    const metered = rows.find((e) => e.id === featureId && e.kind === "metered");
    if (!metered || metered.kind !== "metered") return null;
    const from = window?.from.getTime() ?? Date.parse(metered.currentPeriodStart!);
    const to = window?.to.getTime() ?? Date.parse(metered.currentPeriodEnd!);
    const days = dayAligned(Math.floor(from / 1000), Math.ceil(to / 1000));
    const summaries = await this.cached(
      ["usageDaily", featureId, customer.stiggCustomerId, days.start, days.end],
      () => this.summaries(featureId, customer.stiggCustomerId, days.start, days.end, "day"),
      options.fresh,
    );
    return {
      featureId,
      from: new Date(days.start * 1000).toISOString(),
      to: new Date(days.end * 1000).toISOString(),
      points: dailyPoints(summaries),
      resetMarkers: [],
    };
  }

  /** What the drawer can show; each row left out is logged once per request, and ids are unique. */
  private shown(rows: (Entitlement | { skipped: string; id: string })[]): Entitlement[] {
    const out = new Map<string, Entitlement>();
    for (const e of rows) {
      if ("skipped" in e) this.reportOnce(e.skipped, e.id);
      else if (out.has(e.id)) this.reportOnce("a second entitlement with the same id", e.id);
      else out.set(e.id, e);
    }
    return [...out.values()];
  }

  private reportOnce(reason: string, featureId: string) {
    const key = JSON.stringify([reason, featureId]);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log.warn({ workspaceId: this.workspace.id, featureId, reason }, "Stripe Billing entitlement left out");
  }
}

function planItemProduct(s: SlimSubscription): string {
  return planItem(s)!.price.product;
}

/** Every row of a Stripe list, following `has_more`, up to MAX_PAGES pages. */
async function allPages<T extends { id: string }>(
  read: (startingAfter: string | undefined) => Promise<Stripe.ApiList<T>>,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, has_more } = await read(after);
    all.push(...data);
    if (!has_more || data.length === 0) break;
    after = data.at(-1)!.id;
  }
  return all;
}
