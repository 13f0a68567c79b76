import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import {
  execute,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLScalarType,
  Kind,
  parse,
  validate,
  type DocumentNode,
} from "graphql";
import { stiggSchema } from "./stigg-schema/schema";

/*
 * Stigg's GraphQL endpoint on a loopback port, speaking Stigg's wire format: JSON
 * `{query, variables, operationName}` POSTed with `X-API-KEY`; the answer is `{data}` and/or
 * `{errors: [{message, extensions: {code}}]}`. An unknown key gets UNAUTHENTICATED.
 *
 * Every document is parsed, validated and executed against Stigg's published schema
 * (./stigg-schema), as a GraphQL server does: an invalid document is a 400 with
 * GRAPHQL_VALIDATION_FAILED, variables are coerced by the schema (a missing or mistyped one
 * is BAD_USER_INPUT), and the answer carries exactly the fields the document selects, with
 * the schema's types. The data comes from a fixture typed after the schema; what such a
 * fixture cannot express (an enum value the schema lacks, a wrong type, a body that is
 * not JSON) goes through `answerRawNext`.
 */

type SubscriptionStatus = "ACTIVE" | "IN_TRIAL" | "NOT_STARTED" | "PAYMENT_PENDING" | "CANCELED" | "EXPIRED";
type FeatureType = "BOOLEAN" | "NUMBER" | "ENUM";
type MeterType = "None" | "Fluctuating" | "Incremental";
type EntitlementResetPeriod = "HOUR" | "DAY" | "WEEK" | "MONTH" | "YEAR";

/** Customer. */
export interface StiggCustomerRow {
  customerId: string;
  name: string | null;
  email: string | null;
  billingId: string | null;
}

/** SubscriptionQuery, and the customer it belongs to. */
export interface StiggSubscriptionRow {
  customerId: string;
  subscriptionId: string;
  status: SubscriptionStatus;
  startDate: string;
  createdAt: string | null;
  trialEndDate: string | null;
  cancellationDate: string | null;
  endDate: string | null;
  plan: { refId: string; displayName: string };
  /** The Stripe subscription it is billed through; absent: none. */
  billingId?: string | null;
}

/** EntitlementWithSummary, as much of it as the fixture models. */
export interface StiggEntitlementRow {
  isGranted: boolean;
  usageLimit: number | null;
  hasUnlimitedUsage: boolean;
  hasSoftLimit: boolean | null;
  currentUsage: number | null;
  enumValues: string[] | null;
  usagePeriodStart: string | null;
  usagePeriodEnd: string | null;
  resetPeriod: EntitlementResetPeriod | null;
  displayNameOverride: string | null;
  feature: {
    refId: string;
    displayName: string;
    featureType: FeatureType;
    meterType: MeterType | null;
    featureUnits: string | null;
    featureUnitsPlural: string | null;
  } | null;
  summaries:
    | {
        subscription: { subscriptionId: string; plan: { displayName: string } } | null;
        plan: { displayName: string } | null;
      }[]
    | null;
}

/** CreditEntitlementWithSummary, as much of it as the fixture models. */
export interface StiggCreditEntitlementRow {
  currency: { currencyId: string; displayName: string; unitSingular: string | null; unitPlural: string | null };
  usageLimit: number | null;
  currentUsage: number | null;
  /** CreditEntitlementSummary: one per grant (its other non-null fields are filled in). */
  summaries:
    | {
        grantType: "OVERDRAFT" | "PAID" | "PROMOTIONAL" | "RECURRING";
        sourceType: "ADDON_ENTITLEMENT" | "PLAN_ENTITLEMENT" | "PRICE" | null;
        isEffectiveEntitlement: boolean;
      }[]
    | null;
}

/** UsageHistoryV2. */
export interface StiggUsageHistoryRow {
  markers: { type: "PERIODIC_RESET" | "SUBSCRIPTION_CHANGE_RESET"; timestamp: string }[];
  series: { tags: { key: string; value: string }[]; points: { timestamp: string; value: number; isResetPoint: boolean }[] }[];
}

export interface StiggFixture {
  customers: StiggCustomerRow[];
  subscriptions: StiggSubscriptionRow[];
  /** By Stigg customer id. */
  entitlements: Record<string, StiggEntitlementRow[]>;
  /** By Stigg customer id. */
  credits: Record<string, StiggCreditEntitlementRow[]>;
  /** By `${customerId}/${featureId}`. */
  usage: Record<string, StiggUsageHistoryRow>;
  /** Customers whose subscription pages report `hasNextPage: null`. */
  pagesWithoutHasNextPage?: string[];
}

export const emptyFixture: StiggFixture = { customers: [], subscriptions: [], entitlements: {}, credits: {}, usage: {} };

export interface ReceivedRequest {
  apiKey: string | undefined;
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

/** How the next requests fail, before the stand-in answers normally again. */
export type Fault = "http500" | "hang";

/** An answer given as is: any body (JSON or not), status and content type. */
interface RawAnswer {
  body: string;
  status: number;
  contentType: string;
  /** Only for a request of this operation; else for the next request. */
  operationName?: string;
}

type Args = Record<string, any>;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

/** Stigg's cursors are opaque; here they are offsets, which the app must not read. */
const cursorOf = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64");
function offsetOf(cursor: unknown): number {
  if (cursor === undefined || cursor === null) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(String(cursor), "base64").toString("utf8"));
  if (!m) throw badInput(`Invalid cursor "${String(cursor)}"`);
  return Number(m[1]);
}

/** The filters the stand-in understands; any other is refused rather than ignored. */
function onlyEq(filter: Args | undefined, path: string[]): string | undefined {
  if (!filter || Object.keys(filter).length === 0) return undefined;
  let node: Args = filter;
  for (const [i, key] of path.entries()) {
    const keys = Object.keys(node);
    if (keys.length !== 1 || keys[0] !== key) throw badInput(`The stand-in models only the filter ${path.join(".")}`);
    node = node[key];
    if (i === path.length - 1) return String(node);
  }
  return undefined;
}

function page<T>(rows: T[], paging: Args | undefined, hasNextPageReported = true) {
  const first = paging?.first ?? 10;
  const start = offsetOf(paging?.after);
  const slice = rows.slice(start, start + first);
  return {
    totalCount: rows.length,
    edges: slice.map((node, i) => ({ node, cursor: cursorOf(start + i + 1) })),
    pageInfo: {
      hasNextPage: hasNextPageReported ? start + slice.length < rows.length : null,
      hasPreviousPage: start > 0,
      startCursor: slice.length ? cursorOf(start + 1) : null,
      endCursor: slice.length ? cursorOf(start + slice.length) : null,
    },
  };
}

/** The Query root's fields the app uses, over the fixture. */
function rootValue(f: StiggFixture) {
  return {
    customers: ({ filter, paging }: Args) => {
      const billingId = onlyEq(filter, ["billingId", "eq"]);
      return page(billingId === undefined ? f.customers : f.customers.filter((c) => c.billingId === billingId), paging);
    },
    subscriptions: ({ filter, paging }: Args) => {
      // Each subscription resolves its customer, as Stigg's SubscriptionQuery.customer does.
      const withCustomer = (s: StiggSubscriptionRow) => ({
        ...s,
        billingId: s.billingId ?? null,
        customer: f.customers.find((c) => c.customerId === s.customerId) ?? null,
      });
      if (filter && "billingId" in filter) {
        const billingId = onlyEq(filter, ["billingId", "eq"]);
        return page(f.subscriptions.filter((s) => (s.billingId ?? null) === billingId).map(withCustomer), paging);
      }
      const customerId = onlyEq(filter, ["customer", "customerId", "eq"]);
      const rows = f.subscriptions.filter((s) => customerId === undefined || s.customerId === customerId);
      return page(rows.map(withCustomer), paging, !(customerId && f.pagesWithoutHasNextPage?.includes(customerId)));
    },
    entitlements: ({ query }: Args) => f.entitlements[query.customerId] ?? [],
    // Features and credits in one list, each naming its member of the union.
    entitlementsWithSummary: ({ query }: Args) => ({
      entitlements: [
        ...(f.entitlements[query.customerId] ?? []).map((e) => ({ __typename: "FeatureEntitlementWithSummary", ...e })),
        ...(f.credits[query.customerId] ?? []).map((c) => ({
          __typename: "CreditEntitlementWithSummary",
          isGranted: true,
          ...c,
          currency: { ...c.currency, description: null, additionalMetaData: {} },
          summaries: c.summaries?.map((g) => ({ amount: 100, consumedAmount: 0, effectiveAt: "2026-10-01T00:00:00.000Z", ...g })) ?? null,
        })),
      ],
    }),
    usageHistoryV2: ({ input }: Args) => {
      const from = Date.parse(input.startDate);
      const to = input.endDate ? Date.parse(input.endDate) : Infinity;
      const history = f.usage[`${input.customerId}/${input.featureId}`] ?? { markers: [], series: [] };
      const inRange = (t: string) => Date.parse(t) >= from && Date.parse(t) <= to;
      return {
        markers: history.markers.filter((m) => inRange(m.timestamp)),
        series: history.series.map((s) => ({ ...s, points: s.points.filter((p) => inRange(p.timestamp)) })),
        pageInfo: null,
      };
    },
  };
}

// Stigg's DateTime takes ISO-8601 strings; the SDL alone would accept anything.
const dateTime = stiggSchema().getType("DateTime") as GraphQLScalarType;
dateTime.parseValue = (value: unknown) => {
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
  }
  return value;
};
dateTime.parseLiteral = (node) => {
  if (node.kind !== Kind.STRING || Number.isNaN(Date.parse(node.value))) throw new GraphQLError("DateTime must be an ISO-8601 string");
  return node.value;
};

const format = (errors: readonly GraphQLError[], code?: string): GraphQLFormattedError[] =>
  errors.map((e) => {
    const formatted = e.toJSON();
    return { ...formatted, extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? code ?? "INTERNAL_SERVER_ERROR" } };
  });

export async function startStiggStandIn(validKeys: string[], fixture: StiggFixture = emptyFixture) {
  const received: ReceivedRequest[] = [];
  const next: (Fault | RawAnswer)[] = [];
  const root = rootValue(fixture);
  const server = createServer(async (req, res) => {
    const reply = (status: number, payload: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    if (req.method !== "POST" || req.url !== "/graphql") return reply(404, { message: "Not found" });
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return reply(400, { errors: [{ message: "POST body must be JSON", extensions: { code: "BAD_REQUEST" } }] });
    }
    const query = typeof body.query === "string" ? body.query : "";
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
    const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<string, unknown>;
    const apiKey = req.headers["x-api-key"] as string | undefined;
    const named = operationName ?? /^\s*query\s+(\w+)/.exec(query)?.[1] ?? "";
    received.push({ apiKey, operationName: named, query, variables });

    const at = next.findIndex((p) => typeof p === "string" || !p.operationName || p.operationName === named);
    const planned = at < 0 ? undefined : next.splice(at, 1)[0];
    if (planned === "hang") return; // never answers; close() drops the connection
    if (planned === "http500") return reply(500, { message: "Internal server error" });
    if (planned) return res.writeHead(planned.status, { "content-type": planned.contentType }).end(planned.body);

    if (!apiKey || !validKeys.includes(apiKey)) {
      return reply(200, { data: null, errors: [{ message: "Unauthorized", extensions: { code: "UNAUTHENTICATED" } }] });
    }
    const checked = checkedDocument(query);
    if ("errors" in checked) return reply(400, { errors: format(checked.errors, checked.code) });
    const { document } = checked;
    const result = await execute({ schema: stiggSchema(), document, rootValue: root, variableValues: variables, operationName });
    // As Apollo Server: a request that never ran (bad variables, unknown operation) is a 400.
    if (!("data" in result)) return reply(400, { errors: format(result.errors ?? [], "BAD_USER_INPUT") });
    return reply(200, result.errors ? { data: result.data, errors: format(result.errors) } : { data: result.data });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    /** Requests of one operation received so far. */
    count: (operationName: string) => received.filter((r) => r.operationName === operationName).length,
    /** The next requests fail this way, one fault per request, in order. */
    failNext: (...faults: Fault[]) => next.push(...faults),
    /**
     * The next request (of `operationName`, if given) gets this answer as is, whatever it
     * asked; an object is sent as JSON, a string as HTML unless told otherwise. For what a
     * schema-typed fixture cannot hold, and for proxies that answer in HTML.
     */
    answerRawNext: (body: unknown, status = 200, options: { contentType?: string; operationName?: string } = {}) =>
      next.push({
        body: typeof body === "string" ? body : JSON.stringify(body),
        status,
        contentType: options.contentType ?? (typeof body === "string" ? "text/html" : "application/json"),
        operationName: options.operationName,
      }),
    /** Drops the planned faults and answers no request has taken yet. */
    forgetPlanned: () => void next.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type StiggStandIn = Awaited<ReturnType<typeof startStiggStandIn>>;

/*
 * Parsed and validated documents by their text, as Apollo Server keeps them (its document
 * store): a client sends the same few queries again and again, and the work of checking
 * one is done once. Without it each answer cost this one-threaded stand-in several ms, so
 * that a client's parallel calls queued here as they would not at Stigg.
 */
const documents = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[]; code: string }>();

function checkedDocument(query: string) {
  let checked = documents.get(query);
  if (!checked) {
    try {
      const document = parse(query);
      const invalid = validate(stiggSchema(), document);
      checked = invalid.length ? { errors: invalid, code: "GRAPHQL_VALIDATION_FAILED" } : { document };
    } catch (err) {
      checked = { errors: [err as GraphQLError], code: "GRAPHQL_PARSE_FAILED" };
    }
    if (documents.size > 1_000) documents.clear();
    documents.set(query, checked);
  }
  return checked;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
