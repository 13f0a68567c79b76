import { getConfig } from "@/server/config";
import { demoBillingAccount, demoBillingKeys } from "./demoAccount";
import { StripeBillingStandIn } from "./standIn";

// One per process, on globalThis so `next dev` reloads keep its state (fault switches).
const holder = globalThis as unknown as { __stripeBillingStandIn?: StripeBillingStandIn };

/**
 * The sandbox-mode Stripe API stand-in the demo's Stripe Billing workspace reads, or
 * undefined in live mode: its route then answers 404, so a live host never serves data of
 * its own as Stripe's.
 */
export function devBillingStandIn(): StripeBillingStandIn | undefined {
  if (getConfig().mode !== "sandbox") return undefined;
  holder.__stripeBillingStandIn ??= new StripeBillingStandIn([demoBillingAccount(new Date())], demoBillingKeys);
  return holder.__stripeBillingStandIn;
}
