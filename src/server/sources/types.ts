import type { Customer, Entitlement, Subscription, UsageSeries } from "@/contract";

/** A source subscription found by its Stripe subscription id, and whose it is. */
export interface BilledSubscription {
  customer: Customer;
  subscription: Subscription;
}

/** A window of time, half-open: [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * Where a workspace's customers, subscriptions and entitlements come from. The sandbox
 * reads the project's own database; a Stigg workspace reads Stigg's GraphQL API. Every
 * method is a read: the app never writes to its source.
 */
export interface EntitlementSource {
  /**
   * The customer whose billing id is this Stripe customer id, or null. `fresh` (the
   * drawer's refresh), here and below: read through every cache to the source.
   */
  findCustomer(stripeCustomerId: string, options?: { fresh?: boolean }): Promise<Customer | null>;
  listSubscriptions(customer: Customer, options?: { fresh?: boolean }): Promise<Subscription[]>;
  /**
   * The subscription whose billing id is this Stripe subscription id, with its customer, or
   * null when none is (the Stripe subscription is not managed by this source).
   */
  findSubscriptionByBillingId(stripeSubscriptionId: string): Promise<BilledSubscription | null>;
  /**
   * Feature entitlements (boolean, numeric, metered) from the customer's entitling
   * subscriptions, optionally just one of them.
   */
  getFeatureEntitlements(
    customer: Customer,
    options: { subscriptionId?: string; fresh?: boolean },
  ): Promise<Entitlement[]>;
  /**
   * Credit balances. A separate read from features, so that one failing leaves the other
   * on screen (a partial result).
   */
  getCreditEntitlements(
    customer: Customer,
    options: { subscriptionId?: string; fresh?: boolean },
  ): Promise<Entitlement[]>;
  /** Null when the customer has no metered entitlement to this feature. */
  getUsageSeries(
    customer: Customer,
    featureId: string,
    window?: TimeWindow,
    options?: { fresh?: boolean },
  ): Promise<UsageSeries | null>;
}

/** The service a source reads, as a user-facing sentence names it ("Stigg did not answer"). */
export type SourceName = "Stigg" | "Stripe";

interface SourceErrorOptions {
  cause?: unknown;
  retryAfterMs?: number;
  /** Which service failed; messages meant for users name it. */
  source?: SourceName;
}

/** The source failed (unreachable, bad answer): an INTERNAL_SERVER_ERROR for the caller. */
export class SourceUnavailableError extends Error {
  /** How long the source asked to be left alone (its Retry-After), when it said. */
  readonly retryAfterMs?: number;
  /** The service that failed; undefined when the failure is not one service's (the harness's injected faults). */
  readonly source?: SourceName;

  constructor(message: string, options?: SourceErrorOptions) {
    super(message, options);
    this.name = "SourceUnavailableError";
    this.retryAfterMs = options?.retryAfterMs;
    this.source = options?.source;
  }
}

/** The source answered "too many requests", and waiting for it did not fit the budget. */
export class SourceRateLimitedError extends SourceUnavailableError {
  constructor(message: string, options?: SourceErrorOptions) {
    super(message, options);
    this.name = "SourceRateLimitedError";
  }
}

/**
 * The source refused the key the workspace was linked with (revoked, or its permissions
 * cut): retrying cannot help, only linking the account again with a working key.
 */
export class SourceKeyRejectedError extends SourceUnavailableError {
  constructor(message: string, options?: SourceErrorOptions) {
    super(message, options);
    this.name = "SourceKeyRejectedError";
  }
}

/**
 * The source did not answer: not within the procedure's budget (`timedOut`), or it could
 * not be reached at all (a refused or reset connection, tried twice).
 */
export class SourceNoAnswerError extends SourceUnavailableError {
  constructor(
    message: string,
    readonly timedOut: boolean,
    options?: { cause?: unknown; source?: SourceName },
  ) {
    super(message, options);
    this.name = "SourceNoAnswerError";
  }
}

/**
 * Where a source reports what it read but could not show (an item left out). Pino's
 * logger fits; the caller's logger carries the request's correlation id.
 */
export interface SourceLog {
  warn(fields: Record<string, unknown>, message: string): void;
}
