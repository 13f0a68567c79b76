import {
  type Customer,
  type Entitlement,
  type GrantSource,
  knownSubscriptionStatus,
  type MeteredEntitlement,
  type ResetPeriod,
  type Subscription,
  sourceId,
  type Unit,
} from "@/contract";
import { projectUsage } from "../projection";
import type { StiggCreditEntitlement, StiggEntitlement, StiggSubscription } from "./queries";

// Stigg → contract, pure. The rules follow the contract (src/contract/entitlement.ts) and
// the sandbox source, which models the same Stigg semantics over the project's database.
// Every field Stigg's schema lets be null has a defined display here.

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
 * Why an id from Stigg cannot be shown, or null when it can. Stigg's published rule for new
 * ids is stricter, but legacy or imported ids may differ; only what the contract cannot
 * carry (over 255 characters, a control character) and what is outside any rule of Stigg's
 * (blank, a slash, a leading dash) is refused.
 */
export function unshowableId(id: string): string | null {
  if (id.trim() === "") return "a blank id";
  if (!sourceId.safeParse(id).success) return "an id over 255 characters or with a control character";
  if (id.includes("/")) return "an id with a slash";
  if (id.startsWith("-")) return "an id starting with a dash";
  return null;
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
  // A status added to Stigg after this app was built is shown as Stigg words it.
  const known = knownSubscriptionStatus.safeParse(s.status);
  return {
    id: s.subscriptionId,
    planId: s.plan.refId,
    planName: s.plan.displayName,
    status: known.success ? known.data : "UNKNOWN",
    rawStatus: s.status,
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
    if (!s.subscription || out.has(s.subscription.subscriptionId) || unshowableId(s.subscription.subscriptionId)) continue;
    const planName = s.subscription.plan?.displayName ?? s.plan?.displayName;
    if (planName === undefined) continue;
    out.set(s.subscription.subscriptionId, { subscriptionId: s.subscription.subscriptionId, planName });
  }
  return [...out.values()];
}

type StiggFeature = NonNullable<StiggEntitlement["feature"]>;

/** A configuration feature's unit: none when the feature names none. */
function unitOf(f: StiggFeature): Unit | null {
  if (!f.featureUnits && !f.featureUnitsPlural) return null;
  return meteredUnitOf(f);
}

/** A meter always counts something: the feature's unit, one form standing for the other, else "units". */
function meteredUnitOf(f: StiggFeature): Unit {
  return {
    singular: f.featureUnits || f.featureUnitsPlural || "unit",
    plural: f.featureUnitsPlural || f.featureUnits || "units",
  };
}

// The contract has no hourly period; an hourly meter (or a period this app does not know)
// shows no reset period rather than a wrong one.
const RESET_PERIODS: Record<string, ResetPeriod | undefined> = {
  DAY: "day",
  WEEK: "week",
  MONTH: "month",
  YEAR: "year",
};

/** An entitlement the drawer cannot show, and why: the source logs it and leaves it out. */
export interface SkippedEntitlement {
  skipped: string;
  featureId: string | null;
}

/**
 * Stigg's entitlement in the contract's terms, or why it is left out: no feature (the
 * schema allows it), an id the drawer cannot show, or a feature or meter type this app
 * does not know.
 */
export function toEntitlement(e: StiggEntitlement, now: Date): Entitlement | SkippedEntitlement {
  const f = e.feature;
  if (!f) return { skipped: "the entitlement has no feature", featureId: null };
  const badId = unshowableId(f.refId);
  if (badId) return { skipped: `the feature has ${badId}`, featureId: loggable(f.refId) };
  const base = { id: f.refId, name: e.displayNameOverride || f.displayName || f.refId, grantedBy: grantedBy(e) };
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
  if (f.featureType !== "NUMBER") return { skipped: `unknown feature type ${f.featureType}`, featureId: f.refId };
  const unlimited = e.hasUnlimitedUsage;
  if (!f.meterType || f.meterType === "None") {
    return { ...base, kind: "numeric", value: unlimited ? null : (e.usageLimit ?? null), unlimited, unit: unitOf(f) };
  }
  const meterKind = f.meterType === "Incremental" ? "events" : f.meterType === "Fluctuating" ? "usage" : null;
  if (!meterKind) return { skipped: `unknown meter type ${f.meterType}`, featureId: f.refId };
  const metered: Omit<MeteredEntitlement, "projection"> = {
    ...base,
    kind: "metered",
    meterKind,
    // No usage reported yet is none used, as Stigg's own SDKs read it.
    currentUsage: e.currentUsage ?? 0,
    // Neither a limit nor unlimited: "no limit reported" (the contract's null limit), shown
    // as usage alone, as Stigg's JS SDK treats the limit as absent.
    usageLimit: unlimited ? null : (e.usageLimit ?? null),
    unlimited,
    softLimit: e.hasSoftLimit ?? false,
    unit: meteredUnitOf(f),
    resetPeriod: (e.resetPeriod && RESET_PERIODS[e.resetPeriod]) || null,
    currentPeriodStart: e.usagePeriodStart ?? null,
    currentPeriodEnd: e.usagePeriodEnd ?? null,
  };
  return { ...metered, projection: projectUsage(metered, now) };
}

export const isSkipped = (e: Entitlement | SkippedEntitlement): e is SkippedEntitlement => "skipped" in e;

/** An id as a log line may carry it: bounded, whatever Stigg sent. */
const loggable = (id: string) => (id.length > 300 ? `${id.slice(0, 300)}…` : id);

/**
 * A credit entitlement in the contract's terms, or why it is left out. Credits belong to
 * the customer, not to a subscription: they name no grantor. Granted and consumed totals
 * are Stigg's usageLimit and currentUsage (none reported is none), the balance their
 * difference, as Stigg's reference defines it. A grant in effect with no source type (no
 * plan, add-on or price behind it) was made to the customer directly: the "+ promotional
 * grant" line; null when Stigg sent no summaries. The unit is the currency's (plural, else
 * singular), else its display name, else "credits".
 */
export function toCreditEntitlement(c: StiggCreditEntitlement): Entitlement | SkippedEntitlement {
  const { currency } = c;
  const badId = unshowableId(currency.currencyId);
  if (badId) return { skipped: `the credit currency has ${badId}`, featureId: loggable(currency.currencyId) };
  const totalGranted = c.usageLimit ?? 0;
  const totalConsumed = c.currentUsage ?? 0;
  if (!Number.isFinite(totalGranted - totalConsumed)) {
    return { skipped: "the credit balance is out of range", featureId: loggable(currency.currencyId) };
  }
  return {
    id: currency.currencyId,
    name: currency.displayName || currency.currencyId,
    kind: "credits",
    grantedBy: [],
    currentBalance: totalGranted - totalConsumed,
    totalGranted,
    totalConsumed,
    hasCustomerLevelGrant: c.summaries ? c.summaries.some((s) => s.isEffectiveEntitlement && !s.sourceType) : null,
    unit: currency.unitPlural || currency.unitSingular || currency.displayName || "credits",
  };
}
