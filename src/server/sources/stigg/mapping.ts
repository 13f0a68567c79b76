import type { Customer, Entitlement, GrantSource, MeteredEntitlement, ResetPeriod, Subscription, Unit } from "@/contract";
import { projectUsage } from "../projection";
import { SourceUnavailableError } from "../types";
import type { StiggCreditBalance, StiggEntitlement, StiggSubscription } from "./queries";

// Stigg → contract, pure. The rules follow the contract (src/contract/entitlement.ts) and
// the sandbox source, which models the same Stigg semantics over the project's database.

export function toCustomer(
  node: { customerId: string; name?: string | null; email?: string | null },
  stripeCustomerId: string,
  stiggAppBaseUrl: string,
): Customer {
  return {
    stripeCustomerId,
    stiggCustomerId: node.customerId,
    name: node.name || null,
    email: node.email || null,
    stiggUrl: `${stiggAppBaseUrl}/customers/${encodeURIComponent(node.customerId)}`,
  };
}

/**
 * Stigg's subscriptions carry no update time. "Last updated" shows the latest lifecycle
 * event Stigg does report that has already happened (created, started, trial ended,
 * cancelled, ended): the subscription cannot have changed less recently than that.
 */
export function toSubscription(s: StiggSubscription, now: Date): Subscription {
  const createdAt = s.createdAt ?? s.startDate;
  const events = [createdAt, s.startDate, s.trialEndDate, s.cancellationDate, s.endDate].filter(
    (d): d is string => !!d && Date.parse(d) <= now.getTime(),
  );
  const updatedAt = events.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), createdAt);
  return {
    id: s.subscriptionId,
    planId: s.plan.refId,
    planName: s.plan.displayName,
    status: s.status,
    trialEndsAt: s.status === "IN_TRIAL" ? (s.trialEndDate ?? null) : null,
    startDate: s.startDate,
    createdAt,
    updatedAt,
  };
}

/** The subscriptions an entitlement's summaries name, each once; promotions name none. */
export function grantedBy(e: StiggEntitlement): GrantSource[] {
  const out = new Map<string, GrantSource>();
  for (const s of e.summaries ?? []) {
    if (!s.subscription || out.has(s.subscription.subscriptionId)) continue;
    const planName = s.subscription.plan?.displayName ?? s.plan?.displayName;
    if (planName === undefined) continue;
    out.set(s.subscription.subscriptionId, { subscriptionId: s.subscription.subscriptionId, planName });
  }
  return [...out.values()];
}

function unitOf(f: StiggEntitlement["feature"]): Unit | null {
  if (!f.featureUnits) return null;
  return { singular: f.featureUnits, plural: f.featureUnitsPlural || f.featureUnits };
}

// The contract has no hourly period; an hourly meter shows no reset period rather than a
// wrong one.
const RESET_PERIODS: Record<string, ResetPeriod | null> = {
  HOUR: null,
  DAY: "day",
  WEEK: "week",
  MONTH: "month",
  YEAR: "year",
};

export function toEntitlement(e: StiggEntitlement, now: Date): Entitlement {
  const f = e.feature;
  const base = { id: f.refId, name: e.displayNameOverride || f.displayName, grantedBy: grantedBy(e) };
  if (f.featureType === "BOOLEAN") return { ...base, kind: "boolean", enabled: e.isGranted };
  if (f.featureType === "ENUM") {
    const values = e.enumValues ?? [];
    return {
      ...base,
      kind: "numeric",
      value: values.length ? values.join(", ") : null,
      unlimited: false,
      unit: unitOf(f),
    };
  }
  const meterKind = f.meterType === "Incremental" ? "events" : f.meterType === "Fluctuating" ? "usage" : null;
  const unlimited = e.hasUnlimitedUsage;
  if (!meterKind) {
    return { ...base, kind: "numeric", value: unlimited ? null : (e.usageLimit ?? null), unlimited, unit: unitOf(f) };
  }
  // A metered limit is a number or unlimited; a null limit without unlimited is not a state
  // the drawer may guess at (it would read as "unlimited" or as "0 allowed", both wrong).
  if (!unlimited && (e.usageLimit === null || e.usageLimit === undefined)) {
    throw new SourceUnavailableError(`Stigg returned metered entitlement "${f.refId}" with neither a limit nor unlimited usage`);
  }
  const metered: Omit<MeteredEntitlement, "projection"> = {
    ...base,
    kind: "metered",
    meterKind,
    currentUsage: e.currentUsage ?? 0,
    usageLimit: unlimited ? null : e.usageLimit!,
    unlimited,
    softLimit: e.hasSoftLimit ?? false,
    unit: unitOf(f) ?? { singular: "unit", plural: "units" },
    resetPeriod: e.resetPeriod ? RESET_PERIODS[e.resetPeriod]! : null,
    currentPeriodStart: e.usagePeriodStart ?? null,
    currentPeriodEnd: e.usagePeriodEnd ?? null,
  };
  return { ...metered, projection: projectUsage(metered, now) };
}

/** Credit balances belong to the customer, not to a subscription: they name no grantor. */
export function toCreditEntitlement(b: StiggCreditBalance): Entitlement {
  return {
    id: b.currencyId,
    name: b.currency?.displayName || b.currencyId,
    kind: "credits",
    grantedBy: [],
    currentBalance: b.currentBalance,
    totalGranted: b.totalGranted,
    totalConsumed: b.totalConsumed,
    // The balance summary does not say where the credits came from (read from its grants later).
    hasCustomerLevelGrant: null,
    unit: b.currency?.units?.plural || b.currency?.displayName || b.currencyId,
  };
}
