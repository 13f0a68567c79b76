import type { EntitlementSource, SourceLog } from "@/server/sources/types";

/** What a drawer's first paint reads: the customer, then its three parts together. */
export async function firstPaint(source: EntitlementSource, stripeCustomerId: string, options: { fresh?: boolean } = {}) {
  const customer = await source.findCustomer(stripeCustomerId);
  if (!customer) throw new Error(`no Stigg customer for ${stripeCustomerId}`);
  const [subscriptions, entitlements, credits] = await Promise.all([
    source.listSubscriptions(customer),
    source.getFeatureEntitlements(customer, { fresh: options.fresh }),
    source.getCreditEntitlements(customer, { fresh: options.fresh }),
  ]);
  return { customer, subscriptions, entitlements, credits };
}

/** The operations a first paint sends to Stigg. */
export const FIRST_PAINT_OPERATIONS = [
  "FindCustomerByBillingId",
  "ListCustomerSubscriptions",
  "GetCustomerEntitlements",
  "GetCreditEntitlements",
] as const;

/** For tests about reads, not about what the source logs. */
export const quietLog: SourceLog = { warn: () => {} };
