import { getConfig } from "@/server/config";
import { StripeOAuthStandIn } from "./stripeOAuthStandIn";

/** Its forms and token requests are a few short fields; nothing legitimate comes near this. */
export const STAND_IN_MAX_BODY_BYTES = 8192;

// One stand-in per process, on globalThis so `next dev` reloads keep issued codes.
const holder = globalThis as unknown as { __stripeOAuthStandIn?: StripeOAuthStandIn };

/**
 * The sandbox-mode stand-in, or undefined in live mode: the dev routes then answer 404,
 * so no configuration can make a live host issue codes or tokens of its own.
 */
export function devStandIn(): StripeOAuthStandIn | undefined {
  const config = getConfig();
  if (config.mode !== "sandbox") return undefined;
  const { test, sandbox } = config.oauth.secretKeys;
  holder.__stripeOAuthStandIn ??= new StripeOAuthStandIn(test ? [test] : [], Date.now, sandbox ? [sandbox] : []);
  return holder.__stripeOAuthStandIn;
}
