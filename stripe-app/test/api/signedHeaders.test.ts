import { fetchStripeSignature } from "@stripe/ui-extension-sdk/utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signatureSource, signedHeaders } from "../../src/api/signedHeaders";

const signature = vi.mocked(fetchStripeSignature);
const caller = { userId: "usr_1", accountId: "acct_1", mode: "test" as const };

afterEach(() => {
  signature.mockReset();
  vi.useRealTimers();
});

describe("signatureSource", () => {
  it("asks for the first signature at once and hands it to the first request; later requests ask again", async () => {
    signature.mockResolvedValueOnce("t=1,v1=early").mockResolvedValueOnce("t=2,v1=second");
    const next = signatureSource();
    expect(signature).toHaveBeenCalledTimes(1);
    expect((await signedHeaders(caller, next))["Stripe-Signature"]).toBe("t=1,v1=early");
    expect(signature).toHaveBeenCalledTimes(1);
    expect((await signedHeaders(caller, next))["Stripe-Signature"]).toBe("t=2,v1=second");
    expect(signature).toHaveBeenCalledTimes(2);
  });

  it("asks again when the early ask failed", async () => {
    signature.mockRejectedValueOnce(new Error("Dashboard busy")).mockResolvedValueOnce("t=2,v1=retried");
    const next = signatureSource();
    expect(await next()).toBe("t=2,v1=retried");
    expect(signature).toHaveBeenCalledTimes(2);
  });

  it("does not hand out an early signature older than a minute", async () => {
    vi.useFakeTimers();
    signature.mockResolvedValueOnce("t=1,v1=early").mockResolvedValueOnce("t=61,v1=fresh");
    const next = signatureSource();
    vi.advanceTimersByTime(60_001);
    expect(await next()).toBe("t=61,v1=fresh");
  });
});

describe("signedHeaders", () => {
  it("sends the signature with the account, the user and the Dashboard's mode", async () => {
    expect(await signedHeaders(caller, async () => "t=1,v1=x")).toEqual({
      "Stripe-Signature": "t=1,v1=x",
      "Stripe-Account-Id": "acct_1",
      "Stripe-User-Id": "usr_1",
      "Stripe-Mode": "test",
    });
  });
});
