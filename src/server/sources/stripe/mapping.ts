import {
  type Customer,
  type Entitlement,
  type GrantSource,
  type KnownSubscriptionStatus,
  type MeteredEntitlement,
  type ResetPeriod,
  type Subscription,
} from "@/contract";
import { projectUsage } from "../projection";
import type { SlimCreditGrant, SlimCustomer, SlimFeature, SlimPrice, SlimProduct, SlimSubscription } from "./slim";

// Stripe Billing → contract, pure, from the slim shapes the source keeps (slim.ts).

/** The customer's page in the Stripe Dashboard: the contract's link field, never shown as a link for this kind. */
export function toCustomer(c: SlimCustomer): Customer {
  return {
    stripeCustomerId: c.id,
    stiggCustomerId: c.id,
    name: c.name || null,
    email: c.email || null,
    stiggUrl: `https://dashboard.stripe.com/${c.livemode ? "" : "test/"}customers/${encodeURIComponent(c.id)}`,
  };
}

// Stripe's subscription statuses (https://docs.stripe.com/billing/subscriptions/overview#subscription-statuses)
// in the drawer's words; `paused` and any status added later are shown as Stripe words them.
const STATUSES: Record<string, KnownSubscriptionStatus | undefined> = {
  active: "ACTIVE",
  trialing: "IN_TRIAL",
  incomplete: "PAYMENT_PENDING",
  past_due: "PAYMENT_PENDING",
  unpaid: "PAYMENT_PENDING",
  canceled: "CANCELED",
  incomplete_expired: "EXPIRED",
};

/** Statuses whose subscription still entitles the customer (Stripe keeps entitlements while it is billable). */
export const ENTITLING = new Set(["active", "trialing", "past_due"]);

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** The plan's item: the first licensed one, else the first. */
export function planItem(s: SlimSubscription) {
  return s.items.find((i) => i.price.usageType === "licensed") ?? s.items[0];
}

/**
 * The plan's name: its product's name; a deleted product leaves the price's nickname, else
 * the product id (what remains).
 */
export function planName(s: SlimSubscription, products: Map<string, SlimProduct | null>): string {
  const item = planItem(s);
  if (!item) return s.id;
  return products.get(item.price.product)?.name || item.price.nickname || item.price.product;
}

export function toSubscription(s: SlimSubscription, products: Map<string, SlimProduct | null>, now: Date): Subscription {
  const events = [s.created, s.startDate, s.trialEnd, s.canceledAt, s.endedAt].filter(
    (t): t is number => t !== null && t * 1000 <= now.getTime(),
  );
  const known = STATUSES[s.status];
  return {
    id: s.id,
    planId: planItem(s)?.price.product ?? s.id,
    planName: planName(s, products),
    status: known ?? "UNKNOWN",
    rawStatus: known ?? s.status,
    trialEndsAt: s.status === "trialing" && s.trialEnd !== null ? iso(s.trialEnd) : null,
    startDate: iso(s.startDate),
    createdAt: iso(s.created),
    updatedAt: iso(Math.max(s.created, ...events)),
  };
}

export function toBooleanEntitlement(f: SlimFeature, grantedBy: GrantSource[]): Entitlement {
  return { id: f.lookupKey, name: f.name || f.lookupKey, kind: "boolean", enabled: true, grantedBy };
}

/**
 * The operator's override of what a metered price includes: metadata `included_usage` on
 * the price, a whole number (e.g. "5000"). It wins over the tiers.
 */
export const INCLUDED_USAGE_METADATA = "included_usage";

/**
 * What a metered price includes, shown as a soft limit (usage above it is billed): the
 * metadata override when set; else, for a graduated price, the first tier's `up_to` when
 * that tier is free (no unit and no flat amount); else none (usage without a limit).
 */
export function includedUsage(price: SlimPrice): number | null {
  const override = price.metadata[INCLUDED_USAGE_METADATA];
  if (override !== undefined && /^\d+$/.test(override.trim())) return Number(override.trim());
  const first = price.tiers?.[0];
  if (price.tiersMode !== "graduated" || !first || first.upTo === null) return null;
  return first.free ? first.upTo : null;
}

// The contract's periods; Stripe prices recur every 1 day/week/month/year, or N of them (no single reset period then).
function resetPeriod(price: SlimPrice): ResetPeriod | null {
  return price.recurring?.intervalCount === 1 ? price.recurring.interval : null;
}

export interface MeterFacts {
  id: string;
  displayName: string;
  formula: string;
}

/**
 * A metered item: the meter's formula gives the kind (`sum`/`count` add up events,
 * `last` reports a level), the price what is included.
 */
export function toMeteredEntitlement(input: {
  meter: MeterFacts;
  price: SlimPrice;
  product: SlimProduct | null;
  usage: number;
  periodStart: number;
  periodEnd: number;
  grantedBy: GrantSource[];
  now: Date;
}): Entitlement | { skipped: string } {
  const { meter, price } = input;
  const meterKind = meter.formula === "sum" || meter.formula === "count" ? "events" : meter.formula === "last" ? "usage" : null;
  if (!meterKind) return { skipped: `unknown meter formula ${meter.formula}` };
  const limit = includedUsage(price);
  const label = input.product?.unitLabel;
  const metered: Omit<MeteredEntitlement, "projection"> = {
    id: meter.id,
    name: meter.displayName || input.product?.name || meter.id,
    grantedBy: input.grantedBy,
    kind: "metered",
    meterKind,
    currentUsage: input.usage,
    usageLimit: limit,
    unlimited: false,
    softLimit: limit !== null,
    unit: label ? { singular: label, plural: label } : { singular: "unit", plural: "units" },
    resetPeriod: resetPeriod(price),
    currentPeriodStart: iso(input.periodStart),
    currentPeriodEnd: iso(input.periodEnd),
  };
  return { ...metered, projection: projectUsage(metered, input.now) };
}

// Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal); the
// three-decimal ones are billed in thousandths (https://docs.stripe.com/currencies#three-decimal).
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]);
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** Minor units (Stripe's amounts) as the currency's major units. */
export function majorUnits(value: number, currency: string): number {
  const c = currency.toLowerCase();
  const digits = ZERO_DECIMAL.has(c) ? 0 : THREE_DECIMAL.has(c) ? 3 : 2;
  return Math.round(value) / 10 ** digits;
}

/**
 * One credit row per currency, as money: available is the balance summary's available
 * balance; granted the sum of the grants in effect now (effective, not expired, not
 * voided); consumed what of that is no longer available. Paid grants are named in the row's
 * "From" line ("paid grant"); promotional ones are its "+ promotional grant".
 */
export function toCreditEntitlements(
  available: { currency: string; value: number }[],
  grants: SlimCreditGrant[],
  now: Date,
): Entitlement[] {
  const at = now.getTime() / 1000;
  const inEffect = grants.filter(
    (g) => g.voidedAt === null && (g.effectiveAt === null || g.effectiveAt <= at) && (g.expiresAt === null || g.expiresAt > at),
  );
  const currencies = new Set([...available.map((a) => a.currency), ...inEffect.map((g) => g.currency)]);
  return [...currencies].sort().map((currency) => {
    const mine = inEffect.filter((g) => g.currency === currency);
    const granted = majorUnits(mine.reduce((sum, g) => sum + g.value, 0), currency);
    const balance = majorUnits(available.filter((a) => a.currency === currency).reduce((sum, a) => sum + a.value, 0), currency);
    const paid = mine.find((g) => g.category === "paid");
    return {
      id: `credits-${currency}`,
      name: `Billing credits (${currency.toUpperCase()})`,
      kind: "credits" as const,
      grantedBy: paid ? [{ subscriptionId: paid.id, planName: "paid grant" }] : [],
      currentBalance: balance,
      totalGranted: granted,
      totalConsumed: Math.max(0, Math.round((granted - balance) * 1000) / 1000),
      hasCustomerLevelGrant: mine.some((g) => g.category === "promotional"),
      unit: currency.toUpperCase(),
    };
  });
}
