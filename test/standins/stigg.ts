import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * Stigg's GraphQL endpoint on a loopback port, speaking Stigg's wire format: JSON
 * `{query, variables, operationName}` POSTed with `X-API-KEY`; the answer is `{data}` or
 * `{errors: [{message, extensions: {code}}]}`. An unknown key gets UNAUTHENTICATED.
 *
 * It answers the operations the app sends, by operation name, from a small fixture, and
 * is strict the way a GraphQL server is: each operation must call its root field with the
 * argument and variable types of Stigg's schema, the variables it needs must be there,
 * and the answer carries exactly the fields the query selects; selecting a field the
 * fixture's type does not have is a validation error. A wrong query shape fails the test.
 */

export interface StiggCustomerRow {
  customerId: string;
  name: string | null;
  email: string | null;
  billingId: string | null;
}

export interface StiggSubscriptionRow {
  customerId: string;
  subscriptionId: string;
  status: "ACTIVE" | "IN_TRIAL" | "NOT_STARTED" | "PAYMENT_PENDING" | "CANCELED" | "EXPIRED";
  startDate: string;
  createdAt: string | null;
  trialEndDate: string | null;
  cancellationDate: string | null;
  endDate: string | null;
  plan: { refId: string; displayName: string };
}

/** Stigg's EntitlementWithSummary, as much of it as the fixture models. */
export interface StiggEntitlementRow {
  isGranted: boolean;
  usageLimit: number | null;
  hasUnlimitedUsage: boolean;
  hasSoftLimit: boolean | null;
  currentUsage: number | null;
  enumValues: string[] | null;
  usagePeriodStart: string | null;
  usagePeriodEnd: string | null;
  resetPeriod: "HOUR" | "DAY" | "WEEK" | "MONTH" | "YEAR" | null;
  displayNameOverride: string | null;
  feature: {
    refId: string;
    displayName: string;
    featureType: "BOOLEAN" | "NUMBER" | "ENUM";
    meterType: "None" | "Fluctuating" | "Incremental" | null;
    featureUnits: string | null;
    featureUnitsPlural: string | null;
  };
  summaries: {
    subscription: { subscriptionId: string; plan: { displayName: string } } | null;
    plan: { displayName: string } | null;
  }[];
}

export interface StiggCreditBalanceRow {
  currencyId: string;
  currency: { displayName: string; units: { singular: string; plural: string } | null };
  currentBalance: number;
  totalGranted: number;
  totalConsumed: number;
}

export interface StiggUsageHistoryRow {
  markers: { type: "PERIODIC_RESET" | "SUBSCRIPTION_CHANGE_RESET"; timestamp: string }[];
  series: { tags: { key: string; value: string }[]; points: { timestamp: string; value: number; isResetPoint: boolean }[] }[];
}

export interface StiggFixture {
  customers: StiggCustomerRow[];
  subscriptions: StiggSubscriptionRow[];
  /** By Stigg customer id. */
  entitlements: Record<string, StiggEntitlementRow[]>;
  credits: Record<string, StiggCreditBalanceRow[]>;
  /** By `${customerId}/${featureId}`. */
  usage: Record<string, StiggUsageHistoryRow>;
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

class GraphQLError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type Vars = Record<string, unknown>;
const str = (v: unknown, name: string): string => {
  if (typeof v !== "string" || !v) throw new GraphQLError(`Variable "${name}" of required type "String!" was not provided.`, "BAD_USER_INPUT");
  return v;
};
const obj = (v: unknown, name: string): Vars => {
  if (!v || typeof v !== "object") throw new GraphQLError(`Variable "$${name}" was not provided.`, "BAD_USER_INPUT");
  return v as Vars;
};

interface OperationSpec {
  /** What the document must say: root field, arguments, variable types (Stigg's schema). */
  shape: RegExp[];
  resolve(vars: Vars, fixture: StiggFixture): unknown;
}

const OPERATIONS: Record<string, OperationSpec> = {
  StiggKeyCheck: {
    shape: [/\bcustomers\s*\(\s*paging:\s*\{\s*first:\s*\d+\s*\}\s*\)/],
    resolve: (_v, f) => ({ customers: { totalCount: f.customers.length } }),
  },
  FindCustomerByBillingId: {
    shape: [/\$billingId:\s*String!/, /\bcustomers\s*\(\s*filter:\s*\{\s*billingId:\s*\{\s*eq:\s*\$billingId\s*\}\s*\}/],
    resolve: (v, f) => {
      const billingId = str(v.billingId, "billingId");
      const rows = f.customers.filter((c) => c.billingId === billingId);
      return { customers: { totalCount: rows.length, edges: rows.slice(0, 1).map((node) => ({ node, cursor: node.customerId })) } };
    },
  },
  ListCustomerSubscriptions: {
    shape: [
      /\$customerId:\s*String!/,
      /\bsubscriptions\s*\(\s*filter:\s*\{\s*customer:\s*\{\s*customerId:\s*\{\s*eq:\s*\$customerId\s*\}\s*\}\s*\}\s*,\s*paging:\s*\{\s*first:\s*\$first\s*,\s*after:\s*\$after\s*\}\s*\)/,
      /\$first:\s*Int!/,
      /\$after:\s*String\b/,
    ],
    resolve: (v, f) => {
      const customerId = str(v.customerId, "customerId");
      if (typeof v.first !== "number") throw new GraphQLError('Variable "$first" of required type "Int!" was not provided.', "BAD_USER_INPUT");
      const rows = f.subscriptions.filter((s) => s.customerId === customerId);
      const start = typeof v.after === "string" ? Number(v.after) : 0;
      const page = rows.slice(start, start + v.first);
      const end = start + page.length;
      return {
        subscriptions: {
          totalCount: rows.length,
          edges: page.map(({ customerId: _, ...node }, i) => ({ node, cursor: String(start + i + 1) })),
          pageInfo: { hasNextPage: end < rows.length, endCursor: page.length ? String(end) : null },
        },
      };
    },
  },
  GetCustomerEntitlements: {
    shape: [/\$query:\s*FetchEntitlementsQuery!/, /\bentitlements\s*\(\s*query:\s*\$query\s*\)/],
    resolve: (v, f) => ({ entitlements: f.entitlements[str(obj(v.query, "query").customerId, "query.customerId")] ?? [] }),
  },
  GetCreditBalances: {
    shape: [/\$input:\s*CreditBalanceSummaryInput!/, /\bcreditBalanceSummary\s*\(\s*input:\s*\$input\s*\)/],
    resolve: (v, f) => {
      const customerId = str(obj(v.input, "input").customerId, "input.customerId");
      return { creditBalanceSummary: { customerId, balances: f.credits[customerId] ?? [] } };
    },
  },
  GetUsageHistory: {
    shape: [/\$input:\s*UsageHistoryV2Input!/, /\busageHistoryV2\s*\(\s*input:\s*\$input\s*\)/],
    resolve: (v, f) => {
      const input = obj(v.input, "input");
      const customerId = str(input.customerId, "input.customerId");
      const featureId = str(input.featureId, "input.featureId");
      const from = Date.parse(str(input.startDate, "input.startDate"));
      const to = Date.parse(str(input.endDate, "input.endDate"));
      if (Number.isNaN(from) || Number.isNaN(to)) throw new GraphQLError("startDate and endDate must be DateTime", "BAD_USER_INPUT");
      const history = f.usage[`${customerId}/${featureId}`] ?? { markers: [], series: [] };
      const inRange = (t: string) => Date.parse(t) >= from && Date.parse(t) <= to;
      return {
        usageHistoryV2: {
          markers: history.markers.filter((m) => inRange(m.timestamp)),
          series: history.series.map((s) => ({ ...s, points: s.points.filter((p) => inRange(p.timestamp)) })),
        },
      };
    },
  },
};

export async function startStiggStandIn(validKeys: string[], fixture: StiggFixture = emptyFixture) {
  const received: ReceivedRequest[] = [];
  const faults: Fault[] = [];
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
    const operationName =
      (typeof body.operationName === "string" && body.operationName) || /^\s*query\s+(\w+)/.exec(query)?.[1] || "";
    const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Vars;
    const apiKey = req.headers["x-api-key"] as string | undefined;
    received.push({ apiKey, operationName, query, variables });

    const fault = faults.shift();
    if (fault === "hang") return; // never answers; close() drops the connection
    if (fault === "http500") return reply(500, { message: "Internal server error" });

    if (!apiKey || !validKeys.includes(apiKey)) {
      return reply(200, { data: null, errors: [{ message: "Unauthorized", extensions: { code: "UNAUTHENTICATED" } }] });
    }
    try {
      const spec = OPERATIONS[operationName];
      if (!spec) throw new GraphQLError(`Unknown operation "${operationName}"`, "GRAPHQL_VALIDATION_FAILED");
      if (!new RegExp(`^\\s*query\\s+${operationName}\\b`).test(query)) {
        throw new GraphQLError(`operationName "${operationName}" names no operation in the document`, "GRAPHQL_VALIDATION_FAILED");
      }
      for (const re of spec.shape) {
        if (!re.test(query)) throw new GraphQLError(`The document does not match Stigg's schema: ${re}`, "GRAPHQL_VALIDATION_FAILED");
      }
      const data = project(spec.resolve(variables, fixture), selectionOf(query), "Query");
      return reply(200, { data });
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      return reply(200, { data: null, errors: [{ message: err.message, extensions: { code: err.code } }] });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    /** Requests of one operation received so far. */
    count: (operationName: string) => received.filter((r) => r.operationName === operationName).length,
    /** The next requests fail this way, one fault per request, in order. */
    failNext: (...next: Fault[]) => faults.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type StiggStandIn = Awaited<ReturnType<typeof startStiggStandIn>>;

interface Selection {
  name: string;
  children: Selection[] | null;
}

/** The operation's selection set: field names and nesting; arguments are skipped. */
function selectionOf(query: string): Selection[] {
  const tokens: string[] =
    query
    .replace(/#[^\n]*/g, "")
    .replace(/\([^()]*(\([^()]*\)[^()]*)*\)/g, " ") // argument lists (one level of nesting)
    .match(/\.\.\.|[A-Za-z_]\w*|[{}:]/g) ?? [];
  const start = tokens.indexOf("{");
  if (start < 0) throw new GraphQLError("The document has no selection set", "GRAPHQL_PARSE_FAILED");
  let i = start + 1;
  const parse = (): Selection[] => {
    const out: Selection[] = [];
    while (i < tokens.length && tokens[i] !== "}") {
      const name = tokens[i++]!;
      if (name === "..." || tokens[i] === ":") throw new GraphQLError("fragments and aliases are not modelled here", "GRAPHQL_VALIDATION_FAILED");
      if (tokens[i] === "{") {
        i++;
        out.push({ name, children: parse() });
        i++;
      } else out.push({ name, children: null });
    }
    return out;
  };
  return parse();
}

function project(value: unknown, selection: Selection[], typeName: string): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => project(v, selection, typeName));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const s of selection) {
    if (!(s.name in source)) throw new GraphQLError(`Cannot query field "${s.name}" on type "${typeName}".`, "GRAPHQL_VALIDATION_FAILED");
    const v = source[s.name];
    if (s.children) out[s.name] = project(v, s.children, s.name);
    else if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      throw new GraphQLError(`Field "${s.name}" of type "${typeName}" must have a selection of subfields.`, "GRAPHQL_VALIDATION_FAILED");
    } else out[s.name] = v;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
