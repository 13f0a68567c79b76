import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_TTL_MS } from "@/app/dev/stripe/stripeOAuthStandIn";
import { exchangeCode, TokenExchangeError } from "@/server/oauth/tokenExchange";
import { startStripeStandIn, type RunningStripeStandIn } from "../standins/stripeOAuth";
import { closedPortUrl, startFixedResponder } from "./fixedResponder";

const TEST_KEY = "sk_test_OAuthSuite";
const LIVE_KEY = "sk_live_OAuthSuite";

let clock = Date.now();
let stripe: RunningStripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn([TEST_KEY, LIVE_KEY], () => clock);
});
afterAll(() => stripe.close());

async function failure(p: Promise<unknown>): Promise<{ reason: string; detail: string } | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TokenExchangeError) return { reason: err.reason, detail: err.detail };
    throw err;
  }
  return undefined;
}

describe("exchangeCode against Stripe's token endpoint (loopback stand-in)", () => {
  it("posts a form-encoded authorization_code grant with the mode's secret key and keeps only what an install needs", async () => {
    const code = stripe.stripe.issueCode("acct_Exchange1", false);
    const grant = await exchangeCode({ apiBase: stripe.apiBase, secretKey: TEST_KEY, code });
    expect(grant).toEqual({
      stripeUserId: "acct_Exchange1",
      livemode: false,
      scope: "stripe_apps",
      refreshToken: expect.stringMatching(/^rt_/),
    });
    expect(Object.keys(grant)).not.toContain("accessToken");
    const sent = stripe.requests.at(-1)!;
    expect(sent.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(sent.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({ grant_type: "authorization_code", code });
  });

  it("exchanges live-mode codes with the live key", async () => {
    const code = stripe.stripe.issueCode("acct_Live1", true);
    expect((await exchangeCode({ apiBase: stripe.apiBase, secretKey: LIVE_KEY, code })).livemode).toBe(true);
  });

  it("reports invalid_grant for an unknown code", async () => {
    expect(await failure(exchangeCode({ apiBase: stripe.apiBase, secretKey: TEST_KEY, code: "ac_unknown" }))).toEqual({
      reason: "invalid_grant",
      detail: "invalid_grant",
    });
  });

  it("reports invalid_grant for a code used twice", async () => {
    const code = stripe.stripe.issueCode("acct_Twice", false);
    await exchangeCode({ apiBase: stripe.apiBase, secretKey: TEST_KEY, code });
    expect((await failure(exchangeCode({ apiBase: stripe.apiBase, secretKey: TEST_KEY, code })))?.reason).toBe("invalid_grant");
  });

  it("reports invalid_grant for a code older than five minutes", async () => {
    const code = stripe.stripe.issueCode("acct_Late", false);
    clock += CODE_TTL_MS + 1000;
    expect((await failure(exchangeCode({ apiBase: stripe.apiBase, secretKey: TEST_KEY, code })))?.reason).toBe("invalid_grant");
  });

  it("reports invalid_grant for a test-mode code exchanged with the live key", async () => {
    const code = stripe.stripe.issueCode("acct_Modes", false);
    expect((await failure(exchangeCode({ apiBase: stripe.apiBase, secretKey: LIVE_KEY, code })))?.reason).toBe("invalid_grant");
  });

  it("reports unauthorized when Stripe refuses the secret key, without keeping Stripe's message", async () => {
    const code = stripe.stripe.issueCode("acct_BadKey", false);
    const result = await failure(exchangeCode({ apiBase: stripe.apiBase, secretKey: "sk_test_WrongKey", code }));
    expect(result).toEqual({ reason: "unauthorized", detail: "invalid_request_error" });
  });

  it("reports other documented OAuth errors as rejected, with Stripe's error code", async () => {
    const upstream = await startFixedResponder(400, JSON.stringify({ error: "invalid_client", error_description: "No such client" }));
    try {
      expect(await failure(exchangeCode({ apiBase: upstream.url, secretKey: TEST_KEY, code: "ac_x" }))).toEqual({
        reason: "rejected",
        detail: "invalid_client",
      });
    } finally {
      await upstream.close();
    }
  });

  it.each([
    ["a server error", 500, JSON.stringify({ error: { type: "api_error" } }), "application/json", "stripe_unavailable"],
    ["an HTML page", 200, "<html>maintenance</html>", "text/html", "unexpected_response"],
    ["a success without the documented fields", 200, JSON.stringify({ access_token: "sk_test_x" }), "application/json", "unexpected_response"],
    ["an error without the documented shape", 400, JSON.stringify({ message: "nope" }), "application/json", "unexpected_response"],
  ])("reports %s", async (_name, status, body, contentType, reason) => {
    const upstream = await startFixedResponder(status, body, contentType);
    try {
      expect((await failure(exchangeCode({ apiBase: upstream.url, secretKey: TEST_KEY, code: "ac_x" })))?.reason).toBe(reason);
    } finally {
      await upstream.close();
    }
  });

  it("reports unreachable when nothing answers", async () => {
    const apiBase = await closedPortUrl();
    expect((await failure(exchangeCode({ apiBase, secretKey: TEST_KEY, code: "ac_x" })))?.reason).toBe("unreachable");
  });
});
