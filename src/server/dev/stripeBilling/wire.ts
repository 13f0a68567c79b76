import type Stripe from "stripe";

/**
 * A Stripe object as the stand-in sends it: the `stripe` package's own type (generated
 * from Stripe's OpenAPI spec), with at least the fields `K` that the app reads, and any
 * other field only with its published type. A fixture that does not match fails the
 * typecheck, which `npm test` runs.
 */
export type Wire<T, K extends keyof T> = Pick<T, K> & Partial<T>;

export type WireCustomer = Wire<Stripe.Customer, "id" | "object" | "name" | "email" | "livemode">;
export type WirePrice = Wire<
  Stripe.Price,
  "id" | "object" | "active" | "currency" | "product" | "recurring" | "tiers_mode" | "billing_scheme" | "metadata" | "nickname"
>;
export type WireProduct = Wire<Stripe.Product, "id" | "object" | "name" | "active">;
export type WireFeature = Wire<Stripe.Entitlements.Feature, "id" | "object" | "lookup_key" | "name" | "active" | "livemode">;
export type WireMeter = Wire<Stripe.Billing.Meter, "id" | "object" | "display_name" | "event_name" | "default_aggregation" | "livemode">;
export type WireCreditGrant = Wire<
  Stripe.Billing.CreditGrant,
  "id" | "object" | "amount" | "category" | "customer" | "effective_at" | "expires_at" | "voided_at" | "name" | "livemode"
>;

/** A subscription item as the fixture states it: its price by id (the stand-in embeds the price, as Stripe does). */
export interface ItemSeed {
  id: string;
  price: string;
  quantity?: number;
  current_period_start: number;
  current_period_end: number;
}

/** A subscription as the fixture states it; the stand-in answers the full list shape. */
export type SubscriptionSeed = Omit<
  Wire<Stripe.Subscription, "id" | "customer" | "status" | "created" | "start_date" | "trial_end" | "canceled_at" | "ended_at">,
  "items" | "object" | "livemode"
> & { items: ItemSeed[] };

/** One meter event; the stand-in aggregates them by the meter's formula, as Stripe does. */
export interface MeterEventSeed {
  meter: string;
  customer: string;
  /** Unix seconds. */
  timestamp: number;
  value: number;
}

/** What one Stripe account holds, as far as the app reads it. */
export interface StandInAccountData {
  account: Wire<Stripe.Account, "id" | "object">;
  customers: (WireCustomer | Stripe.DeletedCustomer)[];
  subscriptions: SubscriptionSeed[];
  /** Prices; a deleted one is answered as Stripe answers a deleted price. */
  prices: (WirePrice | Stripe.DeletedPrice)[];
  products: (WireProduct | Stripe.DeletedProduct)[];
  /** Features attached to each product (products.listFeatures), by product id. */
  productFeatures: Record<string, WireFeature[]>;
  /** The customer's active entitlements (entitlements.activeEntitlements.list), by customer id. */
  activeEntitlements: Record<string, WireFeature[]>;
  meters: WireMeter[];
  meterEvents: MeterEventSeed[];
  creditGrants: WireCreditGrant[];
  /** billing.creditBalanceSummary's balances, by customer id. */
  creditBalances: Record<string, Stripe.Billing.CreditBalanceSummary.Balance[]>;
}

/** A key the stand-in knows: whose it is, and which resources it may not read (a restricted key's missing permissions). */
export interface StandInKey {
  key: string;
  account: string;
  cannotRead?: StandInResource[];
}

/** The resource families the stand-in checks a key's permissions against. */
export type StandInResource =
  | "account"
  | "customers"
  | "subscriptions"
  | "entitlements"
  | "products"
  | "prices"
  | "billing_meters"
  | "credit_grants";
