import type { Logger } from "pino";
import type { Customer, Entitlement, EntitlementList, EntitlementPart, PartFailure } from "@/contract";
import { type EntitlementSource, SourceRateLimitedError, SourceUnavailableError } from "../../sources/types";

const MESSAGES: Record<PartFailure["code"], Record<EntitlementPart, string>> = {
  SOURCE_UNAVAILABLE: {
    features: "Feature entitlements could not be loaded. Retry; if it keeps failing, quote the correlation id.",
    credits: "Credit balances could not be loaded. Retry; if it keeps failing, quote the correlation id.",
  },
  RATE_LIMITED: {
    features: "Stigg is rate limiting this workspace; feature entitlements were not loaded. Retry in a moment.",
    credits: "Stigg is rate limiting this workspace; credit balances were not loaded. Retry in a moment.",
  },
};

/**
 * Features and credits are read side by side; a source failure in one is reported as a
 * failed part next to what the other returned. Anything that is not a source failure (a
 * bug) still fails the call.
 */
export async function readEntitlementList(
  ctx: { log: Logger; correlationId: string },
  source: EntitlementSource,
  customer: Customer,
  options: { subscriptionId?: string; fresh?: boolean },
): Promise<EntitlementList> {
  const parts: [EntitlementPart, Promise<Entitlement[]>][] = [
    ["features", source.getFeatureEntitlements(customer, options)],
    ["credits", source.getCreditEntitlements(customer, options)],
  ];
  const settled = await Promise.allSettled(parts.map(([, p]) => p));
  const entitlements: Entitlement[] = [];
  const failures: PartFailure[] = [];
  settled.forEach((result, i) => {
    const part = parts[i]![0];
    if (result.status === "fulfilled") return entitlements.push(...result.value);
    if (!(result.reason instanceof SourceUnavailableError)) throw result.reason;
    const code = result.reason instanceof SourceRateLimitedError ? "RATE_LIMITED" : "SOURCE_UNAVAILABLE";
    ctx.log.error({ part, err: result.reason }, "entitlement part failed");
    failures.push({ part, code, message: MESSAGES[code][part], correlationId: ctx.correlationId });
  });
  entitlements.sort((a, b) => a.name.localeCompare(b.name));
  return { entitlements, fetchedAt: new Date().toISOString(), failures };
}
