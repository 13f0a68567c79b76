import type { Entitlement, GrantSource } from "@/contract";

/** A subscription filter option: plan name + subscription id ("Pro · sub_123"). */
export function subscriptionLabel(subscription: { planName: string; id: string }): string {
  return `${subscription.planName} · ${subscription.id}`;
}

/** Where an entitlement comes from: "Pro", or "Pro, Extra Seats" when several grant it. */
export function grantedByText(grantedBy: GrantSource[]): string {
  return [...new Set(grantedBy.map((g) => g.planName))].join(", ");
}

/**
 * Every source of an entitlement, for the row's "From …" line. Credits may include grants
 * made to the customer directly, which no plan names: "Pro + promotional grant".
 */
export function entitlementSourceText(entitlement: Entitlement): string {
  const plans = grantedByText(entitlement.grantedBy);
  if (entitlement.kind !== "credits" || !entitlement.hasCustomerLevelGrant) return plans;
  return plans ? `${plans} + promotional grant` : "promotional grant";
}
