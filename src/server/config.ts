import { z } from "zod";

/** Sandbox mode's signing secret. Public by design; refused in live mode. */
export const DEMO_APP_SECRET = "absec_demo_sandbox_only";

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
    return keys;
  });

const schema = z
  .object({
    STRIPE_APP_SECRET: appSecret.optional(),
    STRIPE_APP_SECRET_PREVIOUS: appSecret.optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
      .optional(),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    ENCRYPTION_KEYS: encryptionKeys.optional(),
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.STRIPE_APP_SECRET === DEMO_APP_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_APP_SECRET"],
        message: "the demo secret is for sandbox mode only; unset it, or set your app's real secret",
      });
    }
    if (env.STRIPE_APP_SECRET && !env.ENCRYPTION_KEYS) {
      ctx.addIssue({
        code: "custom",
        path: ["ENCRYPTION_KEYS"],
        message: "live mode (STRIPE_APP_SECRET set) needs an encryption key for tokens at rest",
      });
    }
  });

export type Mode = "sandbox" | "live";

export interface Config {
  mode: Mode;
  /** Active signing secrets: during rotation Stripe signs with both. */
  appSecrets: string[];
  databaseUrl: string | undefined;
  pgliteDir: string;
  encryptionKeys: { id: string; key: Buffer }[] | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
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
  return {
    mode,
    appSecrets:
      mode === "live"
        ? [e.STRIPE_APP_SECRET!, e.STRIPE_APP_SECRET_PREVIOUS].filter((s): s is string => !!s)
        : [DEMO_APP_SECRET],
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    encryptionKeys: e.ENCRYPTION_KEYS,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ""),
    logLevel: e.LOG_LEVEL,
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
