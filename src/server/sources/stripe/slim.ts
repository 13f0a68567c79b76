import type Stripe from "stripe";
import { type ResetPeriod, resetPeriod } from "@/contract";

// What the source keeps of Stripe's objects: only the fields it reads, as plain JSON, so a
// shared cache (Redis) holds small entries that read back exactly as they were written.

export interface SlimCustomer {
  id: string;
  name: string | null;
  email: string | null;
  livemode: boolean;
}

export interface SlimPrice {
  id: string;
  product: string;
  nickname: string | null;
  usageType: string | null;
  meter: string | null;
  /** The contract's reset periods; an interval Stripe adds later is none. */
  recurring: { interval: ResetPeriod | null; intervalCount: number } | null;
  tiersMode: string | null;
  /** Only when read with `expand: ["tiers"]`. */
  tiers?: { upTo: number | null; free: boolean }[];
  metadata: Record<string, string>;
}

export interface SlimItem {
  id: string;
  price: SlimPrice;
  periodStart: number;
  periodEnd: number;
}

export interface SlimSubscription {
  id: string;
  customer: string;
  status: string;
  created: number;
  startDate: number;
  trialEnd: number | null;
  canceledAt: number | null;
  endedAt: number | null;
  items: SlimItem[];
}

export interface SlimProduct {
  id: string;
  name: string;
  unitLabel: string | null;
}

export interface SlimFeature {
  id: string;
  lookupKey: string;
  name: string;
}

export interface SlimCreditGrant {
  id: string;
  category: string;
  currency: string;
  value: number;
  effectiveAt: number | null;
  expiresAt: number | null;
  voidedAt: number | null;
}

export const slimCustomer = (c: Stripe.Customer): SlimCustomer => ({
  id: c.id,
  name: c.name ?? null,
  email: c.email ?? null,
  livemode: c.livemode,
});

const isZero = (n: unknown) => n === null || n === undefined || Number(String(n)) === 0;

export function slimPrice(p: Stripe.Price): SlimPrice {
  return {
    id: p.id,
    product: typeof p.product === "string" ? p.product : p.product.id,
    nickname: p.nickname ?? null,
    usageType: p.recurring?.usage_type ?? null,
    meter: p.recurring?.meter ?? null,
    recurring: p.recurring ? { interval: resetPeriod.safeParse(p.recurring.interval).data ?? null, intervalCount: p.recurring.interval_count } : null,
    tiersMode: p.tiers_mode ?? null,
    ...(p.tiers
      ? {
          tiers: p.tiers.map((t) => ({
            upTo: t.up_to,
            free: isZero(t.unit_amount) && isZero(t.flat_amount) && isZero(t.unit_amount_decimal) && isZero(t.flat_amount_decimal),
          })),
        }
      : {}),
    metadata: { ...p.metadata },
  };
}

export const slimSubscription = (s: Stripe.Subscription): SlimSubscription => ({
  id: s.id,
  customer: typeof s.customer === "string" ? s.customer : s.customer.id,
  status: s.status,
  created: s.created,
  startDate: s.start_date,
  trialEnd: s.trial_end ?? null,
  canceledAt: s.canceled_at ?? null,
  endedAt: s.ended_at ?? null,
  items: s.items.data.map((i) => ({ id: i.id, price: slimPrice(i.price), periodStart: i.current_period_start, periodEnd: i.current_period_end })),
});

export const slimProduct = (p: Stripe.Product | Stripe.DeletedProduct): SlimProduct | null =>
  "deleted" in p && p.deleted ? null : { id: p.id, name: (p as Stripe.Product).name, unitLabel: (p as Stripe.Product).unit_label ?? null };

export const slimFeature = (f: Stripe.Entitlements.Feature): SlimFeature => ({ id: f.id, lookupKey: f.lookup_key, name: f.name });

export function slimCreditGrant(g: Stripe.Billing.CreditGrant): SlimCreditGrant | null {
  const money = g.amount.monetary;
  if (!money) return null;
  return {
    id: g.id,
    category: g.category,
    currency: money.currency,
    value: money.value,
    effectiveAt: g.effective_at ?? null,
    expiresAt: g.expires_at ?? null,
    voidedAt: g.voided_at ?? null,
  };
}
