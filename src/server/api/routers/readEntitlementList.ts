import type { Logger } from "pino";
import type { Customer, Entitlement, EntitlementList, EntitlementPart, PartFailure } from "@/contract";
import { type EntitlementSource, SourceKeyRejectedError, SourceRateLimitedError, SourceUnavailableError } from "../../sources/types";
import { failureCode, retryAfterSeconds, whyNotRead } from "../sourceFailure";

const NOT_LOADED: Record<EntitlementPart, string> = {
  features: "Feature entitlements",
  credits: "Credit balances",
};

/** What the notice of a failed part says: what is missing, why when that is known, and what to do. */
function notLoaded(part: EntitlementPart, err: SourceUnavailableError): string {
  const why = whyNotRead(err);
  if (err instanceof SourceRateLimitedError || err instanceof SourceKeyRejectedError) return `${NOT_LOADED[part]} not loaded: ${why}.`;
  const retry = "Retry; if it keeps failing, quote the correlation id.";
  return why ? `${NOT_LOADED[part]} not loaded: ${why}. ${retry}` : `${NOT_LOADED[part]} could not be loaded. ${retry}`;
}

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
    const err: unknown = result.reason;
    if (!(err instanceof SourceUnavailableError)) throw err;
    ctx.log.error({ part, err }, "entitlement part failed");
    const retryAfter = retryAfterSeconds(err);
    failures.push({
      part,
      code: failureCode(err),
      ...(retryAfter === undefined ? {} : { retryAfter }),
      message: notLoaded(part, err),
      correlationId: ctx.correlationId,
    });
  });
  entitlements.sort((a, b) => a.name.localeCompare(b.name));
  return { entitlements, fetchedAt: new Date().toISOString(), failures };
}
