import { z } from "zod";
import { PROCEDURE_BUDGET_MS } from "@/contract/limits";

/** Sandbox mode's signing secret. Public by design; refused in live mode. */
export const DEMO_APP_SECRET = "absec_demo_sandbox_only";

/** Sandbox mode's webhook signing secret. Public by design; refused in live mode. */
export const DEMO_WEBHOOK_SECRET = "whsec_demo_sandbox_only";

const appSecret = z
  .string()
  .regex(/^absec_[A-Za-z0-9_]+$/, "must be a Stripe app signing secret (absec_…)");

/** `kid:base64key` pairs, comma separated; the first seals, all of them open. */
const encryptionKeys = z
  .string()
  .transform((raw, ctx) => {
    const keys = raw.split(",").map((pair) => {
      const [id, b64] = pair.trim().split(":");
      const key = Buffer.from(b64 ?? "", "base64");
      if (!id || key.length !== 32) {
        ctx.addIssue({
          code: "custom",
          message: "each entry must be kid:<32 bytes in base64> (openssl rand -base64 32)",
        });
      }
      return { id: id ?? "", key };
    });
    // A repeated id would make "which key opens this envelope" ambiguous.
    const ids = keys.map((k) => k.id);
    const repeated = ids.filter((id, i) => id && ids.indexOf(id) !== i);
    if (repeated.length > 0) {
      ctx.addIssue({ code: "custom", message: `key id "${repeated[0]}" appears more than once; every key needs its own id` });
    }
    return keys;
  });

/** Stripe's own OAuth endpoints: live mode's defaults. */
export const STRIPE_AUTHORIZE_URL = "https://marketplace.stripe.com/oauth/v2/authorize";
export const STRIPE_API_BASE = "https://api.stripe.com";
/** Sandbox mode's OAuth client id, understood only by the local Stripe stand-in. */
export const SANDBOX_CLIENT_ID = "ca_DemoSandbox";
/** Sandbox mode's test-mode secret key, understood only by the local Stripe stand-in. */
export const SANDBOX_TEST_SECRET_KEY = "sk_test_DemoSandbox";
/** Sandbox mode's key of the app's managed sandbox (Stripe sandbox installs), for the stand-in only. */
export const SANDBOX_STRIPE_SANDBOX_SECRET_KEY = "sk_test_DemoStripeSandbox";
/** Sandbox mode's signing secret of the managed sandbox's webhook endpoint. */
export const DEMO_SANDBOX_WEBHOOK_SECRET = "whsec_demo_stripe_sandbox_only";
export const STIGG_API_URL = "https://api.stigg.io/graphql";

const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/$/, ""));

const schema = z
  .object({
    STRIPE_APP_SECRET: appSecret.optional(),
    STRIPE_APP_SECRET_PREVIOUS: appSecret.optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9_]+$/, "must be a Stripe webhook signing secret (whsec_…)")
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
      .optional(),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    // PostgreSQL only: a store that is down or hung must fail a request within seconds.
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
    DB_POOL_MAX: z.coerce.number().int().positive().default(10),
    // The most one API request takes whatever Stigg does (store time included). The
    // extension gives up 2 s after the contract's PROCEDURE_BUDGET_MS, so this may only be lower.
    PROCEDURE_BUDGET_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(PROCEDURE_BUDGET_MS, `must be at most ${PROCEDURE_BUDGET_MS}: the extension stops waiting 2 s after that`)
      .default(PROCEDURE_BUDGET_MS),
    // How long the request path may reuse a read of the store that no change has touched; 0: never.
    READ_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
    ENCRYPTION_KEYS: encryptionKeys.optional(),
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    // 1: behind a reverse proxy, the client is the last X-Forwarded-For hop; else the socket.
    TRUST_PROXY: z.enum(["0", "1"], "must be 1 (behind a reverse proxy) or 0").default("0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // OAuth install flow (src/server/oauth). Unset URLs default per mode, see oauthConfig().
    STRIPE_CLIENT_ID: z.string().regex(/^ca_[A-Za-z0-9]+$/, "must be the app's OAuth client id (ca_…)").optional(),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_live_[A-Za-z0-9]+$/, "must be a live-mode secret or restricted key (sk_live_… / rk_live_…)")
      .optional(),
    STRIPE_TEST_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_test_[A-Za-z0-9]+$/, "must be a test-mode secret or restricted key (sk_test_… / rk_test_…)")
      .optional(),
    // Stripe sandbox installs: the secret key of the app's managed sandbox, which exchanges
    // their codes, and the signing secret of the webhook endpoint made in that sandbox.
    STRIPE_SANDBOX_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_test_[A-Za-z0-9]+$/, "must be the managed sandbox's secret or restricted key (sk_test_… / rk_test_…)")
      .optional(),
    STRIPE_SANDBOX_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9_]+$/, "must be a Stripe webhook signing secret (whsec_…)")
      .optional(),
    STRIPE_API_BASE: httpUrl.optional(),
    STRIPE_OAUTH_AUTHORIZE_URL: httpUrl.optional(),
    STIGG_API_URL: httpUrl.default(STIGG_API_URL),
    REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL").optional(),
    // Whether linking offers the Stripe Billing kind; unset: per mode, see parseConfig().
    STRIPE_BILLING_SOURCE: z.enum(["on", "off"], "must be on (offer the Stripe Billing kind) or off").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_APP_SECRET === DEMO_APP_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_APP_SECRET"],
        message: "the demo secret is for sandbox mode only; unset it, or set your app's real secret",
      });
    }
    if (env.STRIPE_APP_SECRET_PREVIOUS === DEMO_APP_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_APP_SECRET_PREVIOUS"],
        message: "the demo secret is for sandbox mode only; it can't be an active secret",
      });
    }
    // Without the current secret this would silently run sandbox mode and ignore it.
    if (env.STRIPE_APP_SECRET_PREVIOUS && !env.STRIPE_APP_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_APP_SECRET_PREVIOUS"],
        message: "is only used beside STRIPE_APP_SECRET during a rotation; set STRIPE_APP_SECRET too, or unset it",
      });
    }
    // Without it the uninstall event could not be verified, and links would outlive uninstalls.
    if (env.STRIPE_APP_SECRET && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "live mode (STRIPE_APP_SECRET set) needs the webhook signing secret of the endpoint /api/stripe/webhook",
      });
    }
    if (env.STRIPE_APP_SECRET && env.STRIPE_WEBHOOK_SECRET === DEMO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "the demo webhook secret is for sandbox mode only" });
    }
    if (env.STRIPE_APP_SECRET && !env.ENCRYPTION_KEYS) {
      ctx.addIssue({
        code: "custom",
        path: ["ENCRYPTION_KEYS"],
        message: "live mode (STRIPE_APP_SECRET set) needs an encryption key for tokens at rest",
      });
    }
    // The stand-in's public demo credentials must never leave sandbox mode.
    if (env.STRIPE_APP_SECRET && env.STRIPE_CLIENT_ID === SANDBOX_CLIENT_ID) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_CLIENT_ID"], message: "the demo client id is for sandbox mode only" });
    }
    if (env.STRIPE_APP_SECRET && env.STRIPE_TEST_SECRET_KEY === SANDBOX_TEST_SECRET_KEY) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_TEST_SECRET_KEY"], message: "the demo key is for sandbox mode only" });
    }
    if (env.STRIPE_APP_SECRET && env.STRIPE_SANDBOX_SECRET_KEY === SANDBOX_STRIPE_SANDBOX_SECRET_KEY) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_SANDBOX_SECRET_KEY"], message: "the demo key is for sandbox mode only" });
    }
    if (env.STRIPE_APP_SECRET && env.STRIPE_SANDBOX_WEBHOOK_SECRET === DEMO_SANDBOX_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_SANDBOX_WEBHOOK_SECRET"], message: "the demo webhook secret is for sandbox mode only" });
    }
    // One secret for both endpoints would let either's events act on the other's links.
    if (env.STRIPE_SANDBOX_WEBHOOK_SECRET && env.STRIPE_SANDBOX_WEBHOOK_SECRET === env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SANDBOX_WEBHOOK_SECRET"],
        message: "must be the managed sandbox's own endpoint secret, not STRIPE_WEBHOOK_SECRET",
      });
    }
  });

export type Mode = "sandbox" | "live";

export interface OAuthConfig {
  clientId: string | undefined;
  authorizeUrl: string;
  /** Base of Stripe's API, where `POST /v1/oauth/token` lives. */
  apiBase: string;
  /** The manifest's redirect URI: the callback page on this host. */
  redirectUri: string;
  /**
   * Secret keys per Stripe environment; the token exchange must use the install's: live
   * mode, test mode, or a Stripe sandbox (the app's managed sandbox's key).
   */
  secretKeys: { live: string | undefined; test: string | undefined; sandbox: string | undefined };
}

export interface Config {
  mode: Mode;
  /** Active signing secrets: during rotation Stripe signs with both. */
  appSecrets: string[];
  /** Verifies Stripe's events at /api/stripe/webhook. */
  webhookSecret: string;
  /** Verifies the events of Stripe sandbox installs (the managed sandbox's endpoint), if set. */
  sandboxWebhookSecret: string | undefined;
  databaseUrl: string | undefined;
  pgliteDir: string;
  /** Limits of the PostgreSQL connection pool (see .env.example). */
  db: { connectTimeoutMs: number; statementTimeoutMs: number; poolMax: number };
  /** How long a read of the store may serve later requests while nothing changes; 0: off. */
  readCacheMs: number;
  /** The time one API request has, from its arrival: Stigg reads end there. */
  procedureBudgetMs: number;
  encryptionKeys: { id: string; key: Buffer }[] | undefined;
  publicUrl: string;
  /** Whether X-Forwarded-For names the client (the host is behind a reverse proxy). */
  trustProxy: boolean;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  oauth: OAuthConfig;
  stiggApiUrl: string;
  /** Set: Stigg answers are cached in Redis, shared by every host instance; unset: in-process. */
  redisUrl: string | undefined;
  /** Linking offers the Stripe Billing kind (the account's own data, with a restricted key). */
  stripeBillingSource: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment. Mode comes from configuration, never NODE_ENV. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const mode: Mode = e.STRIPE_APP_SECRET ? "live" : "sandbox";
  const publicUrl = e.PUBLIC_URL.replace(/\/$/, "");
  return {
    mode,
    appSecrets:
      mode === "live"
        ? [e.STRIPE_APP_SECRET!, e.STRIPE_APP_SECRET_PREVIOUS].filter((s): s is string => !!s)
        : [DEMO_APP_SECRET],
    webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? DEMO_WEBHOOK_SECRET,
    sandboxWebhookSecret: e.STRIPE_SANDBOX_WEBHOOK_SECRET ?? (mode === "sandbox" ? DEMO_SANDBOX_WEBHOOK_SECRET : undefined),
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    db: { connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS, poolMax: e.DB_POOL_MAX },
    readCacheMs: e.READ_CACHE_MS,
    procedureBudgetMs: e.PROCEDURE_BUDGET_MS,
    encryptionKeys: e.ENCRYPTION_KEYS,
    publicUrl,
    trustProxy: e.TRUST_PROXY === "1",
    logLevel: e.LOG_LEVEL,
    oauth: oauthConfig(mode, publicUrl, e),
    stiggApiUrl: e.STIGG_API_URL,
    redisUrl: e.REDIS_URL,
    // An operator opts in to a new source in production; the demo shows it unasked.
    stripeBillingSource: (e.STRIPE_BILLING_SOURCE ?? (mode === "sandbox" ? "on" : "off")) === "on",
  };
}

/**
 * Sandbox mode points the install flow at the local Stripe stand-in (src/app/dev/stripe)
 * with its demo client id and key, so it works with no Stripe account; live mode points
 * at Stripe and has no defaults for credentials.
 */
function oauthConfig(mode: Mode, publicUrl: string, e: z.infer<typeof schema>): OAuthConfig {
  const sandbox = mode === "sandbox";
  return {
    clientId: e.STRIPE_CLIENT_ID ?? (sandbox ? SANDBOX_CLIENT_ID : undefined),
    authorizeUrl:
      e.STRIPE_OAUTH_AUTHORIZE_URL ?? (sandbox ? `${publicUrl}/dev/stripe/oauth/v2/authorize` : STRIPE_AUTHORIZE_URL),
    apiBase: e.STRIPE_API_BASE ?? (sandbox ? `${publicUrl}/dev/stripe` : STRIPE_API_BASE),
    redirectUri: `${publicUrl}/oauth/callback`,
    secretKeys: {
      live: e.STRIPE_SECRET_KEY,
      test: e.STRIPE_TEST_SECRET_KEY ?? (sandbox ? SANDBOX_TEST_SECRET_KEY : undefined),
      sandbox: e.STRIPE_SANDBOX_SECRET_KEY ?? (sandbox ? SANDBOX_STRIPE_SANDBOX_SECRET_KEY : undefined),
    },
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
