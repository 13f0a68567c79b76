import Stripe from "stripe";
import type { StandInAccountData, StandInKey, StandInResource, SubscriptionSeed, WireFeature, WirePrice } from "./wire";

/*
 * Stripe's REST API for the reads the Stripe Billing source makes, on whatever server
 * mounts `handle` (the host's sandbox-only /dev/stripe/v1, a test's loopback port). It
 * answers Stripe's published wire format and refuses what Stripe refuses, rule by rule:
 * - Authentication: `Authorization: Bearer <key>`; a missing or unknown key is a 401
 *   (https://docs.stripe.com/api/authentication). The key's prefix is its mode
 *   (sk_test_/rk_test_ test, sk_live_/rk_live_ live; https://docs.stripe.com/keys), and
 *   every object answered carries that `livemode`.
 * - A restricted key reads only the resources it was granted; otherwise a 403
 *   permission_error (https://docs.stripe.com/keys/restricted-api-keys).
 * - `Stripe-Version`, when sent, must be a version; this stand-in speaks only the one the
 *   `stripe` package is generated for (https://docs.stripe.com/api/versioning).
 * - `expand[]`: at most 4 levels deep, and only expandable properties
 *   (https://docs.stripe.com/api/expanding_objects).
 * - List `limit`: an integer from 1 to 100 (https://docs.stripe.com/api/pagination).
 * - Meter event summaries: `start_time` and `end_time` required, aligned to the UTC day
 *   with `value_grouping_window=day`, else to the minute
 *   (https://docs.stripe.com/api/billing/meter-event-summary/list).
 * - Errors are `{error: {type, code, message}}` with Stripe's status codes
 *   (https://docs.stripe.com/api/errors).
 * Fault switches let tests (and the harness) make it fail as Stripe can: 429 with
 * Stripe-Should-Retry, a 500 with an HTML body (an edge's page), no answer, 403, 401.
 */

export interface StandInRequest {
  method: string;
  /** The path after /v1, e.g. "/customers/cus_1". */
  path: string;
  query: URLSearchParams;
  header(name: string): string | null;
}

export interface StandInAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type StandInFault =
  | { kind: "rate_limit"; shouldRetry?: boolean; retryAfterSeconds?: number }
  | { kind: "html_500" }
  | { kind: "hang" }
  | { kind: "permission_error" }
  | { kind: "revoked" }
  | { kind: "api_error" };

interface ArmedFault {
  fault: StandInFault;
  /** Only requests whose path starts with this. */
  path?: string;
  /** Only requests with this key. */
  key?: string;
  /** How many requests it still fails; undefined: until cleared. */
  left?: number;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: string;
  key: string | null;
  stripeVersion: string | null;
}

const DAY = 86_400;
const MAX_EXPAND_DEPTH = 4;
const KEY_SHAPE = /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/;
const VERSION_SHAPE = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string | undefined,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

const invalid = (message: string, param?: string, code = "parameter_invalid") =>
  new Refusal(400, "invalid_request_error", code, message, param);
const missing = (what: string, id: string, param = "id") =>
  new Refusal(404, "invalid_request_error", "resource_missing", `No such ${what}: '${id}'`, param);

/** A key as an error message may show it, as Stripe masks it. */
const masked = (key: string) => `${key.slice(0, key.indexOf("_", 3) + 1)}${"*".repeat(8)}${key.slice(-4)}`;

export class StripeBillingStandIn {
  readonly received: ReceivedRequest[] = [];
  private faults: ArmedFault[] = [];
  private readonly hanging = new Set<() => void>();
  private readonly keys = new Map<string, StandInKey>();
  private readonly accounts = new Map<string, StandInAccountData>();

  constructor(accounts: StandInAccountData[], keys: StandInKey[]) {
    for (const a of accounts) this.accounts.set(a.account.id, a);
    for (const k of keys) this.keys.set(k.key, k);
  }

  /** Requests with this key (all when omitted) since the stand-in started. */
  count(pathPrefix: string, key?: string): number {
    return this.received.filter((r) => r.path.startsWith(pathPrefix) && (key === undefined || r.key === key)).length;
  }

  fail(fault: StandInFault, scope: { path?: string; key?: string; times?: number } = {}): void {
    this.faults.push({ fault, path: scope.path, key: scope.key, left: scope.times });
  }

  /** Clears every fault and answers every hung request (with a 500), so servers can close. */
  clearFaults(): void {
    this.faults = [];
    for (const release of this.hanging) release();
    this.hanging.clear();
  }

  async handle(req: StandInRequest): Promise<StandInAnswer> {
    const auth = req.header("authorization");
    const key = auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : null;
    this.received.push({
      method: req.method,
      path: req.path,
      query: req.query.toString(),
      key,
      stripeVersion: req.header("stripe-version"),
    });
    const armed = this.faultFor(req.path, key);
    if (armed) return this.faulted(armed);
    try {
      const { data, livemode, grant } = this.authenticate(key);
      this.checkVersion(req.header("stripe-version"));
      if (req.method !== "GET") throw invalid(`Unrecognized request URL (${req.method}: /v1${req.path}).`, undefined, "resource_missing");
      return json(200, this.route(req, data, livemode, grant));
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return json(err.status, { error: { type: err.type, code: err.code, message: err.message, param: err.param } });
    }
  }

  private faultFor(path: string, key: string | null): StandInFault | null {
    const hit = this.faults.find((f) => (!f.path || path.startsWith(f.path)) && (!f.key || f.key === key) && f.left !== 0);
    if (!hit) return null;
    if (hit.left !== undefined) hit.left--;
    return hit.fault;
  }

  private faulted(fault: StandInFault): Promise<StandInAnswer> | StandInAnswer {
    switch (fault.kind) {
      case "rate_limit": {
        // https://docs.stripe.com/rate-limits: 429 rate_limit_error; Stripe-Should-Retry says whether a retry can help.
        const headers: Record<string, string> = { "stripe-should-retry": String(fault.shouldRetry ?? true) };
        if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
        return json(429, { error: { type: "rate_limit_error", code: "rate_limit", message: "Too many requests hit the API too quickly." } }, headers);
      }
      case "html_500":
        return { status: 500, headers: { "content-type": "text/html" }, body: "<html><body><h1>500 Internal Server Error</h1></body></html>" };
      case "api_error":
        return json(500, { error: { type: "api_error", message: "An unknown error occurred." } }, { "stripe-should-retry": "false" });
      case "permission_error":
        return json(403, {
          error: { type: "permission_error", message: "The provided key does not have the required permissions for this endpoint." },
        });
      case "revoked":
        return json(401, { error: { type: "invalid_request_error", code: "api_key_expired", message: "Expired API Key provided." } });
      case "hang":
        return new Promise((resolve) => {
          const release = () => resolve(json(500, { error: { type: "api_error", message: "The stand-in was stopped." } }));
          this.hanging.add(release);
        });
    }
  }

  private authenticate(key: string | null): { data: StandInAccountData; livemode: boolean; grant: StandInKey } {
    if (!key) {
      throw new Refusal(401, "invalid_request_error", undefined, "You did not provide an API key. Provide it in the Authorization header, using Bearer auth.");
    }
    const shape = KEY_SHAPE.exec(key);
    const grant = this.keys.get(key);
    const data = grant && this.accounts.get(grant.account);
    if (!shape || !grant || !data) throw new Refusal(401, "invalid_request_error", "api_key_invalid", `Invalid API Key provided: ${masked(key)}`);
    return { data, livemode: shape[2] === "live", grant };
  }

  private checkVersion(version: string | null): void {
    if (version === null) return;
    if (!VERSION_SHAPE.test(version)) throw invalid(`Invalid Stripe API version: ${version}`, undefined, "api_version_invalid");
    if (version !== Stripe.API_VERSION) {
      throw invalid(`This stand-in answers Stripe API version ${Stripe.API_VERSION} only, not ${version}.`, undefined, "api_version_invalid");
    }
  }

  private route(req: StandInRequest, data: StandInAccountData, livemode: boolean, grant: StandInKey): unknown {
    const q = req.query;
    const expand = expansions(q);
    const seg = req.path.split("/").filter(Boolean).map(decodeURIComponent);
    const need = (resource: StandInResource) => {
      if (grant.cannotRead?.includes(resource)) {
        // Stripe words it this way for a restricted key without the resource's read permission.
        throw new Refusal(
          403,
          "permission_error",
          undefined,
          `The provided key '${masked(grant.key)}' does not have the required permissions for this endpoint on account '${data.account.id}'.`,
        );
      }
    };
    const stamp = <T extends object>(o: T) => ("deleted" in o ? o : { ...o, livemode });

    if (seg[0] === "account" && seg.length === 1) {
      need("account");
      onlyExpand(expand, []);
      return data.account;
    }
    if (seg[0] === "customers" && seg.length === 1) {
      need("customers");
      onlyExpand(expand, []);
      return list(`/v1/customers`, data.customers.filter((c) => !("deleted" in c)).map(stamp), limitOf(q));
    }
    if (seg[0] === "customers" && seg.length === 2) {
      need("customers");
      onlyExpand(expand, []);
      const c = data.customers.find((x) => x.id === seg[1]);
      if (!c) throw missing("customer", seg[1]!);
      return stamp(c);
    }
    if (seg[0] === "subscriptions" && seg.length === 1) {
      need("subscriptions");
      onlyExpand(expand, []);
      const limit = limitOf(q);
      const status = q.get("status");
      const rows = data.subscriptions
        .filter((s) => !q.get("customer") || s.customer === q.get("customer"))
        .filter((s) => status === "all" || (status ? s.status === status : s.status !== "canceled" && s.status !== "incomplete_expired"))
        .map((s) => this.subscription(s, data, livemode));
      return page(`/v1/subscriptions`, rows, limit, q.get("starting_after"));
    }
    if (seg[0] === "subscriptions" && seg.length === 2) {
      need("subscriptions");
      onlyExpand(expand, []);
      const sub = data.subscriptions.find((x) => x.id === seg[1]);
      if (!sub) throw missing("subscription", seg[1]!);
      return this.subscription(sub, data, livemode);
    }
    if (seg[0] === "entitlements" && seg[1] === "active_entitlements" && seg.length === 2) {
      need("entitlements");
      onlyExpand(expand, ["data.feature"]);
      const customer = q.get("customer");
      if (!customer) throw invalid("Missing required param: customer.", "customer", "parameter_missing");
      const rows = (data.activeEntitlements[customer] ?? []).map((f) => ({
        id: `ent_${f.id.replace(/^feat_/, "")}`,
        object: "entitlements.active_entitlement" as const,
        feature: expand.includes("data.feature") ? { ...f, livemode } : f.id,
        livemode,
        lookup_key: f.lookup_key,
      }));
      return page(`/v1/entitlements/active_entitlements`, rows, limitOf(q), q.get("starting_after"));
    }
    if (seg[0] === "entitlements" && seg[1] === "features" && seg.length === 2) {
      need("entitlements");
      onlyExpand(expand, []);
      const all = new Map<string, WireFeature>();
      for (const fs of Object.values(data.productFeatures)) for (const f of fs) all.set(f.id, f);
      return list(`/v1/entitlements/features`, [...all.values()].map(stamp), limitOf(q));
    }
    if (seg[0] === "products" && seg.length === 1) {
      need("products");
      onlyExpand(expand, []);
      return list(`/v1/products`, data.products.filter((p) => !("deleted" in p)).map(stamp), limitOf(q));
    }
    if (seg[0] === "products" && seg.length === 3 && seg[2] === "features") {
      need("products");
      onlyExpand(expand, []);
      const product = data.products.find((p) => p.id === seg[1]);
      if (!product || "deleted" in product) throw missing("product", seg[1]!);
      const rows = (data.productFeatures[product.id] ?? []).map((f) => ({
        id: `prodft_${product.id.replace(/^prod_/, "")}_${f.id.replace(/^feat_/, "")}`,
        object: "product_feature" as const,
        entitlement_feature: { ...f, livemode },
        livemode,
      }));
      return page(`/v1/products/${product.id}/features`, rows, limitOf(q), q.get("starting_after"));
    }
    if (seg[0] === "products" && seg.length === 2) {
      need("products");
      onlyExpand(expand, []);
      const p = data.products.find((x) => x.id === seg[1]);
      if (!p) throw missing("product", seg[1]!);
      return stamp(p);
    }
    if (seg[0] === "prices" && seg.length === 1) {
      need("prices");
      onlyExpand(expand, []);
      return list(`/v1/prices`, data.prices.filter((p) => !("deleted" in p)).map((p) => this.price(p as WirePrice, data, livemode, [])), limitOf(q));
    }
    if (seg[0] === "prices" && seg.length === 2) {
      need("prices");
      onlyExpand(expand, ["tiers", "product"]);
      const p = data.prices.find((x) => x.id === seg[1]);
      if (!p) throw missing("price", seg[1]!);
      return "deleted" in p ? p : this.price(p, data, livemode, expand);
    }
    if (seg[0] === "billing" && seg[1] === "meters" && seg.length === 2) {
      need("billing_meters");
      onlyExpand(expand, []);
      return list(`/v1/billing/meters`, data.meters.map(stamp), limitOf(q));
    }
    if (seg[0] === "billing" && seg[1] === "meters" && seg.length === 3) {
      need("billing_meters");
      onlyExpand(expand, []);
      const m = data.meters.find((x) => x.id === seg[2]);
      if (!m) throw missing("billing.meter", seg[2]!);
      return stamp(m);
    }
    if (seg[0] === "billing" && seg[1] === "meters" && seg[3] === "event_summaries" && seg.length === 4) {
      need("billing_meters");
      onlyExpand(expand, []);
      return this.eventSummaries(seg[2]!, q, data, livemode);
    }
    if (seg[0] === "billing" && seg[1] === "credit_balance_summary" && seg.length === 2) {
      need("credit_grants");
      onlyExpand(expand, []);
      const customer = q.get("customer");
      if (!customer) throw invalid("Missing required param: customer.", "customer", "parameter_missing");
      const type = q.get("filter[type]");
      if (!type) throw invalid("Missing required param: filter[type].", "filter[type]", "parameter_missing");
      if (type === "applicability_scope" && q.get("filter[applicability_scope][price_type]") !== "metered" && !q.has("filter[applicability_scope][prices][0][id]")) {
        throw invalid("filter[applicability_scope] needs price_type or prices.", "filter[applicability_scope]");
      }
      return {
        object: "billing.credit_balance_summary",
        balances: data.creditBalances[customer] ?? [],
        customer,
        customer_account: null,
        livemode,
      } satisfies Stripe.Billing.CreditBalanceSummary;
    }
    if (seg[0] === "billing" && seg[1] === "credit_grants" && seg.length === 2) {
      need("credit_grants");
      onlyExpand(expand, []);
      const customer = q.get("customer");
      const rows = data.creditGrants.filter((g) => !customer || g.customer === customer).map(stamp);
      return page(`/v1/billing/credit_grants`, rows, limitOf(q), q.get("starting_after"));
    }
    throw new Refusal(404, "invalid_request_error", undefined, `Unrecognized request URL (GET: /v1${req.path}).`);
  }

  /** A subscription's list shape: every item with its price embedded (product by id, no tiers), as Stripe answers it. */
  private subscription(s: SubscriptionSeed, data: StandInAccountData, livemode: boolean) {
    const items = s.items.map((i) => {
      const price = data.prices.find((p) => p.id === i.price);
      if (!price || "deleted" in price) throw new Error(`stand-in fixture: subscription ${s.id} names no price ${i.price}`);
      return {
        id: i.id,
        object: "subscription_item" as const,
        price: this.price(price, data, livemode, []),
        quantity: i.quantity,
        current_period_start: i.current_period_start,
        current_period_end: i.current_period_end,
        subscription: s.id,
      };
    });
    return { ...s, object: "subscription" as const, livemode, items: { object: "list" as const, data: items, has_more: false, url: `/v1/subscription_items?subscription=${s.id}` } };
  }

  /** A price; `tiers` only when expanded (Stripe's includable property), `product` by id unless expanded. */
  private price(p: WirePrice, data: StandInAccountData, livemode: boolean, expand: string[]): WirePrice {
    const { tiers, ...rest } = p;
    const productId = typeof p.product === "string" ? p.product : p.product.id;
    const product = expand.includes("product") ? data.products.find((x) => x.id === productId) : undefined;
    if (expand.includes("product") && !product) throw missing("product", productId);
    return {
      ...rest,
      livemode,
      product: product ? ("deleted" in product ? product : { ...product, livemode }) as WirePrice["product"] : productId,
      ...(expand.includes("tiers") ? { tiers: tiers ?? [] } : {}),
    };
  }

  private eventSummaries(meterId: string, q: URLSearchParams, data: StandInAccountData, livemode: boolean) {
    const meter = data.meters.find((m) => m.id === meterId);
    if (!meter) throw missing("billing.meter", meterId);
    const customer = q.get("customer");
    if (!customer) throw invalid("Missing required param: customer.", "customer", "parameter_missing");
    const start = intParam(q, "start_time");
    const end = intParam(q, "end_time");
    const window = q.get("value_grouping_window");
    if (window !== null && window !== "day" && window !== "hour") throw invalid(`Invalid value_grouping_window: ${window}`, "value_grouping_window");
    const step = window === "day" ? DAY : 60;
    const unit = window === "day" ? "day (UTC midnight)" : "minute";
    if (start % step !== 0) throw invalid(`start_time must be aligned to the ${unit} for this value_grouping_window.`, "start_time");
    if (end % step !== 0) throw invalid(`end_time must be aligned to the ${unit} for this value_grouping_window.`, "end_time");
    if (end <= start) throw invalid("end_time must be after start_time.", "end_time");
    const windowSize = window === "day" ? DAY : window === "hour" ? 3600 : end - start;
    const events = data.meterEvents.filter((e) => e.meter === meterId && e.customer === customer);
    const rows: Stripe.Billing.MeterEventSummary[] = [];
    for (let from = start; from < end; from += windowSize) {
      const to = Math.min(end, from + windowSize);
      const inside = events.filter((e) => e.timestamp >= from && e.timestamp < to).sort((a, b) => a.timestamp - b.timestamp);
      if (inside.length === 0) continue;
      const formula = meter.default_aggregation.formula;
      const value =
        formula === "count" ? inside.length : formula === "last" ? inside.at(-1)!.value : inside.reduce((a, e) => a + e.value, 0);
      rows.push({
        id: `mtrusg_${meterId.replace(/^mtr_/, "")}_${from}`,
        object: "billing.meter_event_summary",
        aggregated_value: value,
        start_time: from,
        end_time: to,
        livemode,
        meter: meterId,
      });
    }
    return page(`/v1/billing/meters/${meterId}/event_summaries`, rows, limitOf(q), q.get("starting_after"));
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): StandInAnswer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/** `expand[]` / `expand[0]` values, each checked for depth. */
function expansions(q: URLSearchParams): string[] {
  const out: string[] = [];
  for (const [k, v] of q) if (/^expand\[\d*\]$/.test(k)) out.push(v);
  for (const e of out) {
    if (e.split(".").length > MAX_EXPAND_DEPTH) {
      throw invalid(`You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property. Property: ${e}`, "expand");
    }
  }
  return out;
}

function onlyExpand(asked: string[], allowed: string[]): void {
  const bad = asked.find((e) => !allowed.includes(e));
  if (bad) throw invalid(`This property cannot be expanded (${bad}).`, "expand");
}

function limitOf(q: URLSearchParams): number {
  const raw = q.get("limit");
  if (raw === null) return 10;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 100) {
    throw invalid(`Invalid integer: ${raw}; limit must be between 1 and 100.`, "limit", "parameter_invalid_integer");
  }
  return n;
}

function intParam(q: URLSearchParams, name: string): number {
  const raw = q.get(name);
  if (raw === null) throw invalid(`Missing required param: ${name}.`, name, "parameter_missing");
  if (!/^\d+$/.test(raw)) throw invalid(`Invalid integer: ${raw}`, name, "parameter_invalid_integer");
  return Number(raw);
}

function list<T>(url: string, rows: T[], limit: number) {
  return { object: "list" as const, data: rows.slice(0, limit), has_more: rows.length > limit, url };
}

function page<T extends { id: string }>(url: string, rows: T[], limit: number, after: string | null) {
  const from = after === null ? 0 : rows.findIndex((r) => r.id === after) + 1;
  if (after !== null && from === 0) throw invalid(`starting_after: no object ${after} in this list.`, "starting_after");
  return list(url, rows.slice(from), limit);
}
