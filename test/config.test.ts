import { describe, expect, it } from "vitest";
import { PROCEDURE_BUDGET_MS } from "@/contract";
import {
  ConfigError,
  DEMO_APP_SECRET,
  DEMO_SANDBOX_WEBHOOK_SECRET,
  DEMO_WEBHOOK_SECRET,
  parseConfig,
  SANDBOX_STRIPE_SANDBOX_SECRET_KEY,
} from "@/server/config";

const KEY = `k1:${Buffer.alloc(32, 7).toString("base64")}`;
const WEBHOOK = "whsec_RealWebhookSecret";

describe("configuration", () => {
  it("with nothing set is sandbox mode on the embedded database and the demo secret", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ mode: "sandbox", appSecrets: [DEMO_APP_SECRET], databaseUrl: undefined, pgliteDir: ".data/pglite" });
  });

  it("NODE_ENV=production alone does not leave sandbox mode", () => {
    expect(parseConfig({ NODE_ENV: "production" }).mode).toBe("sandbox");
  });

  it("a real secret means live mode, with the previous secret also active", () => {
    const c = parseConfig({
      STRIPE_APP_SECRET: "absec_new",
      STRIPE_APP_SECRET_PREVIOUS: "absec_old",
      STRIPE_WEBHOOK_SECRET: WEBHOOK,
      ENCRYPTION_KEYS: KEY,
    });
    expect(c.mode).toBe("live");
    expect(c.appSecrets).toEqual(["absec_new", "absec_old"]);
    expect(c.appSecrets).not.toContain(DEMO_APP_SECRET);
  });

  it("refuses the demo secret in live mode", () => {
    expect(() => parseConfig({ STRIPE_APP_SECRET: DEMO_APP_SECRET, ENCRYPTION_KEYS: KEY })).toThrow(/sandbox mode only/);
  });

  it("refuses live mode without an encryption key", () => {
    expect(() => parseConfig({ STRIPE_APP_SECRET: "absec_real" })).toThrow(/ENCRYPTION_KEYS/);
  });

  it("refuses the demo secret as the previous secret in live mode", () => {
    expect(() =>
      parseConfig({ STRIPE_APP_SECRET: "absec_real", STRIPE_APP_SECRET_PREVIOUS: DEMO_APP_SECRET, ENCRYPTION_KEYS: KEY }),
    ).toThrow(/STRIPE_APP_SECRET_PREVIOUS: the demo secret is for sandbox mode only/);
  });

  it("refuses a previous secret without a current one instead of running sandbox mode", () => {
    expect(() => parseConfig({ STRIPE_APP_SECRET_PREVIOUS: "absec_old", ENCRYPTION_KEYS: KEY })).toThrow(
      /STRIPE_APP_SECRET_PREVIOUS: .*set STRIPE_APP_SECRET too/,
    );
  });

  it("sandbox mode verifies webhooks with the demo secret unless one is set", () => {
    expect(parseConfig({}).webhookSecret).toBe(DEMO_WEBHOOK_SECRET);
    expect(parseConfig({ STRIPE_WEBHOOK_SECRET: WEBHOOK }).webhookSecret).toBe(WEBHOOK);
  });

  it("live mode needs a webhook secret of its own, and refuses the demo one", () => {
    expect(() => parseConfig({ STRIPE_APP_SECRET: "absec_real", ENCRYPTION_KEYS: KEY })).toThrow(/STRIPE_WEBHOOK_SECRET: live mode/);
    expect(() =>
      parseConfig({ STRIPE_APP_SECRET: "absec_real", ENCRYPTION_KEYS: KEY, STRIPE_WEBHOOK_SECRET: DEMO_WEBHOOK_SECRET }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET: the demo webhook secret is for sandbox mode only/);
    const c = parseConfig({ STRIPE_APP_SECRET: "absec_real", ENCRYPTION_KEYS: KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK });
    expect(c.webhookSecret).toBe(WEBHOOK);
  });

  it("Stripe sandbox installs: the managed sandbox's key and endpoint secret, demo ones only in sandbox mode", () => {
    expect(parseConfig({}).sandboxWebhookSecret).toBe(DEMO_SANDBOX_WEBHOOK_SECRET);
    expect(parseConfig({}).oauth.secretKeys.sandbox).toBe(SANDBOX_STRIPE_SANDBOX_SECRET_KEY);
    const live = { STRIPE_APP_SECRET: "absec_real", ENCRYPTION_KEYS: KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK };
    const c = parseConfig(live);
    expect([c.sandboxWebhookSecret, c.oauth.secretKeys.sandbox]).toEqual([undefined, undefined]);
    const set = parseConfig({ ...live, STRIPE_SANDBOX_SECRET_KEY: "sk_test_Managed", STRIPE_SANDBOX_WEBHOOK_SECRET: "whsec_Managed" });
    expect([set.sandboxWebhookSecret, set.oauth.secretKeys.sandbox]).toEqual(["whsec_Managed", "sk_test_Managed"]);
    expect(() => parseConfig({ ...live, STRIPE_SANDBOX_SECRET_KEY: SANDBOX_STRIPE_SANDBOX_SECRET_KEY })).toThrow(
      /STRIPE_SANDBOX_SECRET_KEY: the demo key is for sandbox mode only/,
    );
    expect(() => parseConfig({ ...live, STRIPE_SANDBOX_WEBHOOK_SECRET: DEMO_SANDBOX_WEBHOOK_SECRET })).toThrow(/STRIPE_SANDBOX_WEBHOOK_SECRET: the demo/);
    expect(() => parseConfig({ ...live, STRIPE_SANDBOX_WEBHOOK_SECRET: WEBHOOK })).toThrow(/STRIPE_SANDBOX_WEBHOOK_SECRET: must be the managed sandbox's own/);
    expect(() => parseConfig({ ...live, STRIPE_SANDBOX_SECRET_KEY: "sk_live_Nope" })).toThrow(/STRIPE_SANDBOX_SECRET_KEY/);
  });

  it("refuses a webhook secret that is not one, without echoing it", () => {
    expect(() => parseConfig({ STRIPE_WEBHOOK_SECRET: "sk_live_notawebhooksecret" })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/STRIPE_WEBHOOK_SECRET: must be a Stripe webhook signing secret/) }),
    );
    expect(() => parseConfig({ STRIPE_WEBHOOK_SECRET: "sk_live_notawebhooksecret" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("notawebhooksecret") }),
    );
  });

  it("refuses two encryption keys with the same id, and takes distinct ids", () => {
    const other = `k1:${Buffer.alloc(32, 9).toString("base64")}`;
    expect(() => parseConfig({ ENCRYPTION_KEYS: `${KEY},${other}` })).toThrow(/ENCRYPTION_KEYS: key id "k1" appears more than once/);
    const distinct = parseConfig({ ENCRYPTION_KEYS: `${KEY},${other.replace("k1:", "k2:")}` });
    expect(distinct.encryptionKeys?.map((k) => k.id)).toEqual(["k1", "k2"]);
  });

  it("reads the trusted-proxy setting and an optional Redis URL", () => {
    expect(parseConfig({})).toMatchObject({ trustProxy: false, redisUrl: undefined });
    expect(parseConfig({ TRUST_PROXY: "1", REDIS_URL: "redis://127.0.0.1:6379" })).toMatchObject({
      trustProxy: true,
      redisUrl: "redis://127.0.0.1:6379",
    });
  });

  it("a request's time budget defaults to the contract's, and may be lowered, never raised past it", () => {
    expect(parseConfig({}).procedureBudgetMs).toBe(PROCEDURE_BUDGET_MS);
    expect(parseConfig({ PROCEDURE_BUDGET_MS: "300" }).procedureBudgetMs).toBe(300);
    expect(() => parseConfig({ PROCEDURE_BUDGET_MS: String(PROCEDURE_BUDGET_MS + 1) })).toThrow(
      /PROCEDURE_BUDGET_MS: must be at most 5000: the extension stops waiting 2 s after that/,
    );
  });

  it.each([
    [{ PROCEDURE_BUDGET_MS: "0" }, /PROCEDURE_BUDGET_MS/],
    [{ TRUST_PROXY: "yes" }, /TRUST_PROXY/],
    [{ REDIS_URL: "http://127.0.0.1:6379" }, /REDIS_URL/],
    [{ STRIPE_APP_SECRET: "sk_live_oops", ENCRYPTION_KEYS: KEY }, /STRIPE_APP_SECRET/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL/],
    [{ ENCRYPTION_KEYS: "k1:short" }, /ENCRYPTION_KEYS/],
    [{ PUBLIC_URL: "not a url" }, /PUBLIC_URL/],
  ])("explains what is wrong with %j", (env, pattern) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(pattern);
  });

  it("offers the Stripe Billing kind by default in sandbox mode only, and either way when told", () => {
    const live = { STRIPE_APP_SECRET: "absec_real", STRIPE_WEBHOOK_SECRET: WEBHOOK, ENCRYPTION_KEYS: KEY };
    expect(parseConfig({}).stripeBillingSource).toBe(true);
    expect(parseConfig(live).stripeBillingSource).toBe(false);
    expect(parseConfig({ STRIPE_BILLING_SOURCE: "off" }).stripeBillingSource).toBe(false);
    expect(parseConfig({ ...live, STRIPE_BILLING_SOURCE: "on" }).stripeBillingSource).toBe(true);
    expect(() => parseConfig({ STRIPE_BILLING_SOURCE: "yes" })).toThrow(/STRIPE_BILLING_SOURCE: must be on .* or off/);
  });

  it("never echoes a secret in its error message", () => {
    expect(() => parseConfig({ STRIPE_APP_SECRET: "absec_topsecret_value" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("topsecret") }),
    );
  });
});
