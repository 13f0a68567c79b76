import type Stripe from "stripe";
import { SourceKeyRejectedError, SourceUnavailableError } from "../types";
import { stripeClient, StripeReader } from "./stripeReader";

/** What the source reads, as the restricted-key editor names the permissions to grant (Read). */
export const NEEDED_PERMISSIONS = [
  "Customers",
  "Subscriptions",
  "Entitlements",
  "Products",
  "Prices",
  "Billing meters",
  "Credit grants",
] as const;
export type NeededPermission = (typeof NEEDED_PERMISSIONS)[number];

export type RestrictedKeyCheck =
  | { ok: true }
  | {
      ok: false;
      problem: "not_restricted" | "wrong_mode" | "rejected" | "missing_permissions" | "other_account" | "unreachable";
      /** Words the connect page can show as they are. */
      message: string;
      /** For `missing_permissions`: what the key cannot read. */
      cannotRead?: NeededPermission[];
    };

const RESTRICTED = /^rk_(test|live)_[A-Za-z0-9]+$/;

/**
 * Checks a pasted restricted key before it is sealed, as far as Stripe's API allows:
 * 1. it is a restricted key (`rk_…`), not a secret key, of the link's mode (`rk_test_` for
 *    a test-mode link, `rk_live_` for live);
 * 2. Stripe accepts it, and it can read each resource the source needs: one list call of
 *    each with `limit=1` (the cheapest read Stripe offers); a 403 on one names it;
 * 3. it belongs to the installing account: `GET /v1/account` answers the key's own account,
 *    whose id must be `accountId`. A restricted key may lack the permission to read it: then
 *    the key is refused, asking for that read too, rather than accepting a key of unknown owner.
 * Nothing is written, in Stripe or here; the key is never logged or echoed.
 */
export async function checkRestrictedKey(input: {
  apiKey: string;
  /** The installing account (the signed caller's). */
  accountId: string;
  /** The link's mode. */
  livemode: boolean;
  /** Stripe's API base URL up to /v1; null or absent: Stripe's own. */
  apiUrl?: string | null;
  /** When the check must be done (epoch ms). */
  deadline?: number;
}): Promise<RestrictedKeyCheck> {
  const key = input.apiKey.trim();
  const mode = RESTRICTED.exec(key)?.[1];
  if (!mode) {
    return {
      ok: false,
      problem: "not_restricted",
      message: "Paste a restricted key (it starts with rk_test_ or rk_live_), not a secret or publishable key.",
    };
  }
  if ((mode === "live") !== input.livemode) {
    const want = input.livemode ? "rk_live_" : "rk_test_";
    return { ok: false, problem: "wrong_mode", message: `This link is in ${input.livemode ? "live" : "test"} mode: paste a key that starts with ${want}.` };
  }
  const reader = new StripeReader(stripeClient(key, input.apiUrl), { apiKey: key, deadline: input.deadline });
  const s = reader.client;
  const probes: [NeededPermission, (o: Stripe.RequestOptions) => Promise<unknown>][] = [
    ["Customers", (o) => s.customers.list({ limit: 1 }, o)],
    ["Subscriptions", (o) => s.subscriptions.list({ limit: 1, status: "all" }, o)],
    ["Entitlements", (o) => s.entitlements.features.list({ limit: 1 }, o)],
    ["Products", (o) => s.products.list({ limit: 1 }, o)],
    ["Prices", (o) => s.prices.list({ limit: 1 }, o)],
    ["Billing meters", (o) => s.billing.meters.list({ limit: 1 }, o)],
    ["Credit grants", (o) => s.billing.creditGrants.list({ limit: 1 }, o)],
  ];
  const [account, ...reads] = await Promise.allSettled([
    reader.read("accounts.retrieveCurrent", (o) => s.accounts.retrieveCurrent({}, o)),
    ...probes.map(([name, probe]) => reader.read(`${name} list`, probe)),
  ]);
  const failures = reads.flatMap((r, i) => (r.status === "rejected" ? [{ name: probes[i]![0], err: r.reason as unknown }] : []));
  const unreachable = [account, ...reads].find(
    (r) => r.status === "rejected" && !(r.reason instanceof SourceKeyRejectedError),
  );
  if (unreachable?.status === "rejected") {
    const why = unreachable.reason instanceof SourceUnavailableError ? "Stripe could not be read" : "the key could not be checked";
    return { ok: false, problem: "unreachable", message: `The key was not checked: ${why}. Try again in a moment.` };
  }
  if (failures.length === probes.length && account.status === "rejected") {
    return { ok: false, problem: "rejected", message: "Stripe does not accept this key: it may be mistyped, expired or deleted." };
  }
  if (failures.length > 0) {
    const cannotRead = failures.map((f) => f.name);
    return {
      ok: false,
      problem: "missing_permissions",
      cannotRead,
      message: `The key cannot read ${cannotRead.join(", ")}. Give it Read access to them and paste it again.`,
    };
  }
  if (account.status === "rejected") {
    return {
      ok: false,
      problem: "missing_permissions",
      cannotRead: [],
      message: "The key cannot read its account (Account: Read), so the app cannot tell that it belongs to this Stripe account. Add that permission and paste it again.",
    };
  }
  if (account.value.id !== input.accountId) {
    return { ok: false, problem: "other_account", message: "This key belongs to another Stripe account. Create one in this account and paste it." };
  }
  return { ok: true };
}
