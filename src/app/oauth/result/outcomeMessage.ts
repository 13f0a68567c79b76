import type { Mode } from "@/server/config";
import type { InstallOutcome } from "@/server/oauth/installOutcome";

export interface OutcomeMessage {
  title: string;
  tone: "success" | "error";
  lines: string[];
  /** Where the user goes next. */
  next: { label: string; href: string };
}

const INSTALL_MODE_LABEL = { live: "live mode", test: "test mode", sandbox: "Stripe sandbox" } as const;

const RESTART = "Start again from the Stigg app's “Connect Stigg” button in the Stripe Dashboard.";

/** Stripe Dashboard's customer list in the mode the install was made in. */
export function dashboardCustomersUrl(livemode: boolean): string {
  return `https://dashboard.stripe.com/${livemode ? "" : "test/"}customers`;
}

/**
 * Where to see the result. In sandbox mode the accounts exist only here, so "the Dashboard"
 * is the preview harness, opened on the account just linked.
 */
function dashboardFor(stripeAccountId: string, livemode: boolean, mode: Mode): OutcomeMessage["next"] {
  return mode === "sandbox"
    ? { label: "Open the preview Dashboard", href: `/preview?${new URLSearchParams({ account: stripeAccountId })}` }
    : { label: "Open Stripe customers", href: dashboardCustomersUrl(livemode) };
}

/** What the result page says for each outcome: what happened, and what to do about it. */
export function outcomeMessage(outcome: InstallOutcome, mode: Mode): OutcomeMessage {
  const connect = { label: "Back to Connect", href: "/connect" };
  switch (outcome.kind) {
    case "linked":
      return {
        title: outcome.reinstalled ? "Stripe account re-connected" : "Stripe account connected",
        tone: "success",
        lines: [
          `${outcome.stripeAccountId} (${outcome.sandbox ? "Stripe sandbox" : outcome.livemode ? "live mode" : "test mode"}) now shows entitlements from “${outcome.workspaceName}”.`,
          ...(outcome.startedFromAccountId
            ? [`Note: you started from ${outcome.startedFromAccountId}, but approved the install on ${outcome.stripeAccountId}. ${outcome.startedFromAccountId} is unchanged.`]
            : []),
          "Open any customer in the Stripe Dashboard and choose the Stigg app in the drawer.",
        ],
        next: dashboardFor(outcome.stripeAccountId, outcome.livemode, mode),
      };
    case "already_linked":
      return {
        title: "This install is already complete",
        tone: "success",
        lines: [
          `${outcome.stripeAccountId} (${outcome.sandbox ? "Stripe sandbox" : outcome.livemode ? "live mode" : "test mode"}) is connected to “${outcome.workspaceName}”; this link was used for that, and works once.`,
          "Open any customer in the Stripe Dashboard and choose the Stigg app in the drawer.",
        ],
        next: dashboardFor(outcome.stripeAccountId, outcome.livemode, mode),
      };
    case "installed":
      return {
        title: "Stigg is installed",
        tone: "success",
        lines: [
          `The app is installed on ${outcome.stripeAccountId} (${INSTALL_MODE_LABEL[outcome.mode]}). One step is left: pick the Stigg workspace whose entitlements its Dashboard shows.`,
        ],
        next: {
          label: "Pick a workspace",
          href: `/connect?${new URLSearchParams({ account: outcome.stripeAccountId, mode: outcome.mode })}`,
        },
      };
    case "denied":
      return {
        title: "Install cancelled",
        tone: "error",
        lines: ["You declined the install in Stripe, so nothing was connected.", RESTART],
        next: connect,
      };
    case "stripe_error":
      return {
        title: "Stripe could not complete the install",
        tone: "error",
        lines: [`Stripe answered with the error “${outcome.error}”. Nothing was connected.`, RESTART],
        next: connect,
      };
    case "bad_request":
      return {
        title: "This link is incomplete",
        tone: "error",
        lines: ["The page was opened without the parameters Stripe sends back after an install. Nothing was connected.", RESTART],
        next: connect,
      };
    case "state_rejected":
      return {
        title: {
          unknown: "This install link is not valid",
          expired: "This install link has expired",
          reused: "This install link was already used",
          other_browser: "This install was started in another browser",
        }[outcome.reason],
        tone: "error",
        lines: [
          {
            unknown: "The link was not issued by this app, or it was altered.",
            expired: "Install links are valid for 10 minutes.",
            reused: "Each install link works once.",
            other_browser: "For your security, an install must finish in the browser that started it.",
          }[outcome.reason] + " Nothing was connected.",
          RESTART,
        ],
        next: connect,
      };
    case "not_configured":
      return {
        title: "The app is not configured for this Stripe mode",
        tone: "error",
        lines: [`The server administrator needs to set ${outcome.missing.join(", ")}. Nothing was connected.`],
        next: connect,
      };
    case "exchange_failed":
      return {
        title: "Stripe did not confirm the install",
        tone: "error",
        lines: [
          {
            invalid_grant: "The authorization code was refused: it expired or was already used.",
            unauthorized: "Stripe refused this app's credentials; the server administrator should check the secret key.",
            rejected: "Stripe refused the request.",
            stripe_unavailable: "Stripe is unavailable right now.",
            unreachable: "Stripe could not be reached.",
            unexpected_response: "Stripe's answer could not be understood.",
          }[outcome.reason] + " Nothing was connected.",
          RESTART,
        ],
        next: connect,
      };
    case "mode_mismatch":
      return {
        title: "The install was made in the other Stripe mode",
        tone: "error",
        lines: ["Stripe confirmed an install in a different mode (test or live) than the one you chose. Nothing was connected.", RESTART],
        next: connect,
      };
    case "key_account_mismatch":
      return {
        title: "The key belongs to another Stripe account",
        tone: "error",
        lines: [
          `You approved the install on ${outcome.stripeAccountId}, but the restricted key you pasted belongs to ${outcome.keyAccountId ?? "the account you started from"}. Nothing was connected.`,
          `To show ${outcome.stripeAccountId}'s own Stripe Billing data, start again from that account's Stripe Dashboard (“Use this account's Stripe Billing data”) with a restricted key of that account.`,
        ],
        next: outcome.keyAccountId
          ? {
              label: `Try again for ${outcome.keyAccountId}`,
              href: `/connect?${new URLSearchParams({ account: outcome.keyAccountId, kind: "stripe_billing" })}`,
            }
          : connect,
      };
    case "store_unavailable":
      return {
        title: "The app's database is unavailable",
        tone: "error",
        lines: ["The install could not be completed because this server's database did not answer. Nothing was connected.", RESTART],
        next: connect,
      };
    case "internal_error":
      return {
        title: "Something went wrong on our side",
        tone: "error",
        lines: [
          "The install could not be completed because of an error on this server. Nothing was connected.",
          "Try again; if it keeps failing, contact support with the reference below.",
        ],
        next: connect,
      };
  }
}
