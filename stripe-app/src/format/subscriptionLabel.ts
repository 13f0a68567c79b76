import type { GrantSource } from "@/contract";

/** A subscription filter option: plan name + subscription id ("Pro · sub_123"). */
export function subscriptionLabel(subscription: { planName: string; id: string }): string {
  return `${subscription.planName} · ${subscription.id}`;
}

/** Where an entitlement comes from: "Pro", or "Pro, Extra Seats" when several grant it. */
export function grantedByText(grantedBy: GrantSource[]): string {
  return [...new Set(grantedBy.map((g) => g.planName))].join(", ");
}
