import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/server/config";

const LIVE = { STRIPE_APP_SECRET: "absec_RealSecret", STRIPE_WEBHOOK_SECRET: "whsec_RealSecret", ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}` };

describe("OAuth configuration", () => {
  it("points sandbox mode at the local stand-in on PUBLIC_URL, with its demo credentials", () => {
    expect(parseConfig({ PUBLIC_URL: "http://127.0.0.1:4000/" }).oauth).toEqual({
      clientId: "ca_DemoSandbox",
      authorizeUrl: "http://127.0.0.1:4000/dev/stripe/oauth/v2/authorize",
      apiBase: "http://127.0.0.1:4000/dev/stripe",
      redirectUri: "http://127.0.0.1:4000/oauth/callback",
      secretKeys: { live: undefined, test: "sk_test_DemoSandbox", sandbox: "sk_test_DemoStripeSandbox" },
    });
  });

  it("points live mode at Stripe, with no credentials unless configured", () => {
    expect(parseConfig({ ...LIVE, PUBLIC_URL: "https://stigg-app.example.com" }).oauth).toEqual({
      clientId: undefined,
      authorizeUrl: "https://marketplace.stripe.com/oauth/v2/authorize",
      apiBase: "https://api.stripe.com",
      redirectUri: "https://stigg-app.example.com/oauth/callback",
      secretKeys: { live: undefined, test: undefined, sandbox: undefined },
    });
  });

  it("takes every value from the environment when set", () => {
    const config = parseConfig({
      ...LIVE,
      STRIPE_CLIENT_ID: "ca_Real123",
      STRIPE_SECRET_KEY: "rk_live_Abc",
      STRIPE_TEST_SECRET_KEY: "sk_test_Def",
      STRIPE_OAUTH_AUTHORIZE_URL: "http://127.0.0.1:9/authorize",
      STRIPE_API_BASE: "http://127.0.0.1:9/",
      STIGG_API_URL: "http://127.0.0.1:8/graphql",
    });
    expect(config.oauth).toMatchObject({
      clientId: "ca_Real123",
      authorizeUrl: "http://127.0.0.1:9/authorize",
      apiBase: "http://127.0.0.1:9",
      secretKeys: { live: "rk_live_Abc", test: "sk_test_Def" },
    });
    expect(config.stiggApiUrl).toBe("http://127.0.0.1:8/graphql");
  });

  it.each([
    ["a client id that is not ca_…", { STRIPE_CLIENT_ID: "client" }, "STRIPE_CLIENT_ID"],
    ["a test key as the live key", { STRIPE_SECRET_KEY: "sk_test_Abc" }, "STRIPE_SECRET_KEY"],
    ["a live key as the test key", { STRIPE_TEST_SECRET_KEY: "sk_live_Abc" }, "STRIPE_TEST_SECRET_KEY"],
    ["a non-HTTP API base", { STRIPE_API_BASE: "file:///etc/passwd" }, "STRIPE_API_BASE"],
    ["the demo client id in live mode", { ...LIVE, STRIPE_CLIENT_ID: "ca_DemoSandbox" }, "STRIPE_CLIENT_ID"],
    ["the demo key in live mode", { ...LIVE, STRIPE_TEST_SECRET_KEY: "sk_test_DemoSandbox" }, "STRIPE_TEST_SECRET_KEY"],
  ])("refuses %s, naming the variable", (_name, env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(variable);
  });
});
