// Prepares one store for the bench before the server opens it: migrations and demo data
// (as the server would), 1,000,000 usage rows for bench customers, and accounts linked to
// Stigg and Stripe Billing workspaces behind the delaying proxies. The embedded database has one owner, so
// this runs before `next start` and closes the store again.
import { getConfig } from "../../src/server/config";
import { keyringFor } from "../../src/server/crypto/keyring";
import { seal } from "../../src/server/crypto/seal";
import { openStore } from "../../src/server/db/client";
import { stripeApiKeyContext } from "../../src/server/oauth/stripeBillingWorkspace";
import { stiggApiKeyContext } from "../../src/server/oauth/stiggWorkspace";

export interface UsageScale {
  customers: number;
  features: number;
  rowsPerSeries: number;
}

export const usageCustomer = (i: number) => `cus_Bench${String(i).padStart(4, "0")}`;
export const usageFeature = (f: number) => `bench-feature-${f}`;

/** Stripe accounts linked to Stigg workspaces (caches are per workspace): the process's first Stigg paint, then one per cold-cache scenario. */
export const STIGG_ACCOUNTS = ["acct_BenchStiggFirst", "acct_BenchStiggCold", "acct_BenchStiggBurst"] as const;
/** The same three, linked to Stripe Billing workspaces that read one stand-in account with its key. */
export const BILLING_ACCOUNTS = ["acct_BenchBillingFirst", "acct_BenchBillingCold", "acct_BenchBillingBurst"] as const;

export interface PreparedStore {
  usageRows: number;
  /** The usage query's plan, as PostgreSQL chose it for one customer+feature+period. */
  usagePlan: string;
}

export async function prepareStore(options: {
  databaseUrl?: string;
  pgliteDir: string;
  scale: UsageScale;
  stigg: { apiUrl: string; apiKey: string };
  stripeBilling: { apiUrl: string; apiKey: string };
}): Promise<PreparedStore> {
  // Loading a million rows is setup, not a request: the server's few-second statement
  // limit would cancel it.
  const store = await openStore({
    databaseUrl: options.databaseUrl,
    pgliteDir: options.pgliteDir,
    seed: true,
    limits: { connectTimeoutMs: 10_000, statementTimeoutMs: 600_000, poolMax: 2 },
  });
  const { db } = store;
  try {
    const ws = (await db.customer.findFirstOrThrow({ where: { billingId: "cus_DemoFull" } })).workspaceId;
    const { customers, features, rowsPerSeries } = options.scale;
    // A monthly meter whose period started 15 days ago; rows span the last 60 days, so the
    // period's query reads about a quarter of a series through the index.
    await db.$executeRawUnsafe(
      `INSERT INTO plan (id, workspace_id, name) VALUES ('bench-plan', $1, 'Bench')`,
      ws,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO feature (id, workspace_id, name, kind, meter_kind, unit_singular, unit_plural)
       SELECT 'bench-feature-' || f, $1, 'Bench meter ' || f, 'metered', 'events', 'call', 'calls'
       FROM generate_series(0, $2::int - 1) f`,
      ws,
      features,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO customer (id, workspace_id, billing_id, name, email, created_at, updated_at)
       SELECT 'bench-cus-' || c, $1, 'cus_Bench' || lpad(c::text, 4, '0'), 'Bench customer ' || c, NULL, now(), now()
       FROM generate_series(0, $2::int - 1) c`,
      ws,
      customers,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO subscription (id, customer_id, plan_id, status, start_date, created_at, updated_at)
       SELECT 'bench-sub-' || c, 'bench-cus-' || c, 'bench-plan', 'ACTIVE',
              (now() AT TIME ZONE 'utc') - interval '1 month' - interval '15 days', now(), now()
       FROM generate_series(0, $1::int - 1) c`,
      customers,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO entitlement_grant (id, subscription_id, feature_id, usage_limit, reset_period)
       SELECT 'bench-grant-' || c || '-' || f, 'bench-sub-' || c, 'bench-feature-' || f, 1000000, 'month'
       FROM generate_series(0, $1::int - 1) c, generate_series(0, $2::int - 1) f`,
      customers,
      features,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO usage_record (customer_id, feature_id, "timestamp", value)
       SELECT 'bench-cus-' || c, 'bench-feature-' || f,
              (now() AT TIME ZONE 'utc') - (r * (interval '60 days' / $3::int)), 1 + (r % 7)
       FROM generate_series(0, $1::int - 1) c, generate_series(0, $2::int - 1) f, generate_series(0, $3::int - 1) r`,
      customers,
      features,
      rowsPerSeries,
    );
    await db.$executeRawUnsafe(`ANALYZE`);
    const [count] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM usage_record`);
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT date_trunc('day', "timestamp") AS day, sum(value) FROM usage_record
       WHERE customer_id = 'bench-cus-0' AND feature_id = 'bench-feature-0'
         AND "timestamp" >= (now() AT TIME ZONE 'utc') - interval '15 days' AND "timestamp" < (now() AT TIME ZONE 'utc') + interval '15 days'
       GROUP BY day ORDER BY day`,
    );

    const keyring = keyringFor(getConfig());
    for (const account of STIGG_ACCOUNTS) {
      const id = `ws_bench_${account}`;
      await db.workspace.create({
        data: {
          id,
          sourceKind: "stigg",
          displayName: `Bench Stigg workspace ${account}`,
          stiggAppBaseUrl: "https://app.stigg.io",
          stiggApiUrl: options.stigg.apiUrl,
          stiggApiKeySealed: seal(options.stigg.apiKey, stiggApiKeyContext(id), keyring),
        },
      });
      await db.stripeAccountLink.create({
        data: { stripeAccountId: account, livemode: false, workspaceId: id, scope: "stripe_apps" },
      });
    }
    for (const account of BILLING_ACCOUNTS) {
      const id = `ws_bench_${account}`;
      await db.workspace.create({
        data: {
          id,
          sourceKind: "stripe_billing",
          displayName: `Bench Stripe Billing workspace ${account}`,
          stiggAppBaseUrl: "https://dashboard.stripe.com",
          stripeApiUrl: options.stripeBilling.apiUrl,
          stripeApiKeySealed: seal(options.stripeBilling.apiKey, stripeApiKeyContext(id), keyring),
        },
      });
      await db.stripeAccountLink.create({
        data: { stripeAccountId: account, livemode: false, workspaceId: id, scope: "stripe_apps" },
      });
    }
    return { usageRows: Number(count?.n ?? 0), usagePlan: plan.map((r) => r["QUERY PLAN"]).join("\n") };
  } finally {
    await store.close();
  }
}
