import { describe, expect, it } from "vitest";
import { CODE_RETENTION_MS, CODE_TTL_MS, MAX_CODES, StripeOAuthStandIn } from "@/app/dev/stripe/stripeOAuthStandIn";

const KEY = "sk_test_StandIn";

function exchange(standIn: StripeOAuthStandIn, code: string) {
  return standIn.token({
    authorization: `Bearer ${KEY}`,
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({ grant_type: "authorization_code", code }).toString(),
  });
}

describe("the Stripe stand-in's issued codes", () => {
  it("still says expired shortly after the TTL, and forgets a code after the retention period", () => {
    let clock = 0;
    const standIn = new StripeOAuthStandIn([KEY], () => clock);
    const late = standIn.issueCode("acct_Late", false);
    const forgotten = standIn.issueCode("acct_Forgotten", false);
    clock += CODE_TTL_MS + 1000;
    expect(exchange(standIn, late).body).toMatchObject({ error: "invalid_grant", error_description: expect.stringContaining("expired") });

    clock += CODE_RETENTION_MS;
    standIn.issueCode("acct_New", false);
    expect(standIn.heldCodes).toBe(1);
    expect(exchange(standIn, forgotten).body).toMatchObject({ error: "invalid_grant", error_description: expect.stringContaining("Invalid authorization code") });
  });

  it(`holds at most ${MAX_CODES} codes, forgetting the oldest, and the newest still work`, () => {
    const standIn = new StripeOAuthStandIn([KEY], () => 0);
    const first = standIn.issueCode("acct_First", false);
    let last = first;
    for (let i = 0; i < MAX_CODES + 50; i++) last = standIn.issueCode("acct_Many", false);
    expect(standIn.heldCodes).toBe(MAX_CODES);
    expect(exchange(standIn, first).status).toBe(400);
    expect(exchange(standIn, last)).toMatchObject({ status: 200, body: { stripe_user_id: "acct_Many" } });
  });
});
