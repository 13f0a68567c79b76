// Expectations read from the seeded demo data, the single source of the demo ids and values.
import { creditTypes, customers, ENTITLING_STATUSES, features, plans } from "../../prisma/seed/demoData";

export { LINKED_ACCOUNT, UNKNOWN_CUSTOMER, UNLINKED_ACCOUNT } from "../../prisma/seed/demoData";

export function demoCustomer(billingId: string) {
  const customer = customers.find((c) => c.billingId === billingId);
  if (!customer) throw new Error(`no demo customer ${billingId}`);
  return customer;
}

export function planName(planId: string): string {
  return plans.find((p) => p.id === planId)!.name;
}

export function feature(featureId: string) {
  return features.find((f) => f.id === featureId)!;
}

/** Feature names the customer is entitled to: grants of entitling subscriptions (or one). */
export function entitledFeatureNames(billingId: string, subscriptionId?: string): Set<string> {
  const names = new Set<string>();
  for (const sub of demoCustomer(billingId).subscriptions) {
    if (subscriptionId ? sub.id !== subscriptionId : !ENTITLING_STATUSES.includes(sub.status)) continue;
    for (const grant of sub.grants) names.add(feature(grant.featureId).name);
  }
  return names;
}

export function allFeatureNames(): string[] {
  return features.map((f) => f.name);
}

export function creditTypeNames(): string[] {
  return creditTypes.map((c) => c.name);
}
