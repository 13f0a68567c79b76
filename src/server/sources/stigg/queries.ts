import { z } from "zod";

/*
 * The GraphQL operations this app sends to Stigg, and the shape of each answer.
 *
 * Where each shape comes from (public sources, read for field and argument names only):
 * - Root fields, argument and input names, enum values: the types generated from Stigg's
 *   schema in stiggio/api-client-go (generated-stiggModels.go, v6.21: CustomerFilter,
 *   StringFieldComparison, CursorPaging, CustomerConnection, SubscriptionQueryFilter,
 *   SubscriptionQueryFilterCustomerFilter, FetchEntitlementsQuery, EntitlementWithSummary,
 *   EntitlementsWithSummary, EntitlementWithSummaryUnion, FeatureEntitlementWithSummary,
 *   CreditEntitlementWithSummary, CreditEntitlementSummary, EntitlementCurrency,
 *   EntitlementSummary, EntitlementFeature, UsageHistoryV2Input, UsageHistoryV2, UsageMarker,
 *   UsageHistoryPoint, SubscriptionStatus, FeatureType, MeterType, EntitlementResetPeriod),
 *   the client's Query type (which root is non-null) and its operations in
 *   generated-stiggClient.go (GetSubscriptions, GetUsageHistoryV2).
 * - `entitlementsWithSummary(query:)`, for credits: Stigg's GraphQL reference
 *   (graphql-reference/queries/entitlementsWithSummary) and the v6.21 client's Query type.
 *   It replaces `creditBalanceSummary` (deprecated: "Use credit entitlements to retrieve
 *   credit balance instead").
 * - `customers(filter:, paging:)` and `entitlements(query:)`, for features: the schema
 *   snapshot in stiggio/export-data-example (schema.graphql, Query type), and the v6.21
 *   client's Query type. Features stay on `entitlements`: its EntitlementWithSummary carries
 *   `displayNameOverride`, which entitlementsWithSummary's feature member lacks.
 * - Non-null lists the reference publishes as such (a connection's `edges`, the summary's
 *   `entitlements`): its type pages, cited in test/standins/stigg-schema/build.mjs.
 * - `subscriptions(filter:, paging:)` with edges/pageInfo: Stigg's docs, "List
 *   Subscriptions" (api-reference/queries/list-subscriptions).
 * Stigg's docs page for usage history shows another shape (totalUsage, periods); the
 * generated client, which is built from the live schema, has markers and series, and so
 * does this app.
 *
 * Every document validates against the SDL rebuilt from those models
 * (test/standins/stigg-schema, checked by test/sources/stigg/documents.test.ts), and each
 * answer's shape below allows null exactly where that schema does: a null where Stigg
 * promises a value is a broken answer, a failed read of that part, never empty data. Enum
 * fields are read as strings: a value added to Stigg's schema after this app was built is
 * the mapping's decision (shown raw, or left out and logged), never a failed read.
 */

const YEAR_0 = Date.parse("0000-01-01T00:00:00Z");
const YEAR_10000 = Date.parse("+010000-01-01T00:00:00Z");
/** A DateTime, in the contract's form; a year ISO-8601 cannot write in four digits is not one. */
const isoDate = z
  .string()
  .refine((s) => {
    const t = Date.parse(s);
    return !Number.isNaN(t) && t >= YEAR_0 && t < YEAR_10000;
  }, "not a date")
  .transform((s) => new Date(s).toISOString());

export interface Operation<Vars, Data> {
  operationName: string;
  document: string;
  data: z.ZodType<Data>;
  /** Only for type inference of the variables; never read. */
  readonly vars?: Vars;
}

function operation<Vars>() {
  return <S extends z.ZodType>(op: { operationName: string; document: string; data: S }): Operation<Vars, z.infer<S>> =>
    op as Operation<Vars, z.infer<S>>;
}

/** A Stripe customer is a Stigg customer whose billing id is the Stripe customer id. */
export const findCustomerByBillingId = operation<{ billingId: string }>()({
  operationName: "FindCustomerByBillingId",
  document: `query FindCustomerByBillingId($billingId: String!) {
  customers(filter: { billingId: { eq: $billingId } }, paging: { first: 1 }) {
    edges { node { customerId name email billingId } }
  }
}`,
  data: z.object({
    customers: z.object({
      edges: z.array(
        z.object({
          node: z.object({
            customerId: z.string(),
            name: z.string().nullish(),
            email: z.string().nullish(),
            billingId: z.string().nullish(),
          }),
        }),
      ),
    }),
  }),
});

export const stiggSubscription = z.object({
  subscriptionId: z.string(),
  status: z.string(),
  startDate: isoDate,
  createdAt: isoDate.nullish(),
  trialEndDate: isoDate.nullish(),
  cancellationDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  plan: z.object({ refId: z.string(), displayName: z.string() }),
});
export type StiggSubscription = z.infer<typeof stiggSubscription>;

const subscriptionsPage = z.object({
  subscriptions: z.object({
    edges: z.array(z.object({ node: stiggSubscription })),
    pageInfo: z.object({ hasNextPage: z.boolean().nullish(), endCursor: z.string().nullish() }),
  }),
});
export type SubscriptionsPage = z.infer<typeof subscriptionsPage>;

/** Every subscription of one customer, whatever its status, a page at a time. */
export const listCustomerSubscriptions = operation<{ customerId: string; first: number; after: string | null }>()({
  operationName: "ListCustomerSubscriptions",
  document: `query ListCustomerSubscriptions($customerId: String!, $first: Int!, $after: ConnectionCursor) {
  subscriptions(filter: { customer: { customerId: { eq: $customerId } } }, paging: { first: $first, after: $after }) {
    edges { node { subscriptionId status startDate createdAt trialEndDate cancellationDate endDate plan { refId displayName } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  data: subscriptionsPage,
});

/**
 * The subscription Stigg bills through a Stripe subscription (its `billingId`), with its
 * customer. `subscriptions(filter: { billingId })`: SubscriptionQueryFilter in the models above.
 */
export const findSubscriptionByBillingId = operation<{ billingId: string }>()({
  operationName: "FindSubscriptionByBillingId",
  document: `query FindSubscriptionByBillingId($billingId: String!) {
  subscriptions(filter: { billingId: { eq: $billingId } }, paging: { first: 1 }) {
    edges { node {
      subscriptionId status startDate createdAt trialEndDate cancellationDate endDate billingId
      plan { refId displayName }
      customer { customerId name email billingId }
    } }
  }
}`,
  data: z.object({
    subscriptions: z.object({
      edges: z
        .array(
          z.object({
            node: stiggSubscription.extend({
              billingId: z.string().nullish(),
              customer: z.object({
                customerId: z.string(),
                name: z.string().nullish(),
                email: z.string().nullish(),
                billingId: z.string().nullish(),
              }),
            }),
          }),
        ),
    }),
  }),
});

export const stiggEntitlement = z.object({
  isGranted: z.boolean(),
  usageLimit: z.number().nullish(),
  hasUnlimitedUsage: z.boolean(),
  hasSoftLimit: z.boolean().nullish(),
  currentUsage: z.number().nullish(),
  enumValues: z.array(z.string()).nullish(),
  usagePeriodStart: isoDate.nullish(),
  usagePeriodEnd: isoDate.nullish(),
  resetPeriod: z.string().nullish(),
  displayNameOverride: z.string().nullish(),
  feature: z
    .object({
      refId: z.string(),
      displayName: z.string(),
      featureType: z.string(),
      meterType: z.string().nullish(),
      featureUnits: z.string().nullish(),
      featureUnitsPlural: z.string().nullish(),
    })
    .nullish(),
  summaries: z
    .array(
      z.object({
        subscription: z
          .object({ subscriptionId: z.string(), plan: z.object({ displayName: z.string() }).nullish() })
          .nullish(),
        plan: z.object({ displayName: z.string() }).nullish(),
      }),
    )
    .nullish(),
});
export type StiggEntitlement = z.infer<typeof stiggEntitlement>;

/**
 * The customer's effective entitlements, one per feature, with the summaries that say
 * which subscriptions (and plans) grant each one.
 */
export const getCustomerEntitlements = operation<{ query: { customerId: string } }>()({
  operationName: "GetCustomerEntitlements",
  document: `query GetCustomerEntitlements($query: FetchEntitlementsQuery!) {
  entitlements(query: $query) {
    isGranted usageLimit hasUnlimitedUsage hasSoftLimit currentUsage enumValues
    usagePeriodStart usagePeriodEnd resetPeriod displayNameOverride
    feature { refId displayName featureType meterType featureUnits featureUnitsPlural }
    summaries { subscription { subscriptionId plan { displayName } } plan { displayName } }
  }
}`,
  data: z.object({ entitlements: z.array(stiggEntitlement) }),
});

/**
 * A credit entitlement: the customer's credits in one currency. Stigg's reference: usageLimit
 * is the total granted, currentUsage the total consumed, and "usageLimit - currentUsage is
 * the available balance" (types/CreditEntitlement). Each summary is one grant; a grant with
 * no source type (no plan, add-on or price behind it) was made to the customer directly.
 */
export const stiggCreditEntitlement = z.object({
  __typename: z.literal("CreditEntitlementWithSummary"),
  usageLimit: z.number().nullish(),
  currentUsage: z.number().nullish(),
  currency: z.object({
    currencyId: z.string(),
    displayName: z.string(),
    unitSingular: z.string().nullish(),
    unitPlural: z.string().nullish(),
  }),
  summaries: z
    .array(z.object({ sourceType: z.string().nullish(), grantType: z.string(), isEffectiveEntitlement: z.boolean() }))
    .nullish(),
});
export type StiggCreditEntitlement = z.infer<typeof stiggCreditEntitlement>;

/** The union's other members (feature entitlements, or one added later) carry nothing asked for here. */
const notACredit = z.object({
  __typename: z.string().refine((t) => t !== "CreditEntitlementWithSummary", "a credit entitlement of the wrong shape"),
});

/**
 * The customer's credit entitlements, with the grants behind each: `entitlementsWithSummary`,
 * which Stigg's reference has in place of the deprecated `creditBalanceSummary`.
 */
export const getCreditEntitlements = operation<{ query: { customerId: string } }>()({
  operationName: "GetCreditEntitlements",
  document: `query GetCreditEntitlements($query: FetchEntitlementsQuery!) {
  entitlementsWithSummary(query: $query) {
    entitlements {
      __typename
      ... on CreditEntitlementWithSummary {
        usageLimit currentUsage
        currency { currencyId displayName unitSingular unitPlural }
        summaries { sourceType grantType isEffectiveEntitlement }
      }
    }
  }
}`,
  data: z.object({
    entitlementsWithSummary: z.object({ entitlements: z.array(z.union([stiggCreditEntitlement, notACredit])) }),
  }),
});

export const stiggUsageHistory = z.object({
  markers: z.array(z.object({ type: z.string(), timestamp: isoDate })),
  series: z.array(
    z.object({
      tags: z.array(z.object({ key: z.string(), value: z.string() })),
      points: z.array(z.object({ timestamp: isoDate, value: z.number(), isResetPoint: z.boolean() })),
    }),
  ),
});
export type StiggUsageHistory = z.infer<typeof stiggUsageHistory>;

export const getUsageHistory = operation<{
  input: { customerId: string; featureId: string; startDate: string; endDate: string };
}>()({
  operationName: "GetUsageHistory",
  document: `query GetUsageHistory($input: UsageHistoryV2Input!) {
  usageHistoryV2(input: $input) {
    markers { type timestamp }
    series { tags { key value } points { timestamp value isResetPoint } }
  }
}`,
  data: z.object({ usageHistoryV2: stiggUsageHistory }),
});
