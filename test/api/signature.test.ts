import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { SIGNATURE_TOLERANCE_SECONDS, verifySignedCaller } from "@/server/auth/stripeSignature";
import { callBatch, DEMO_USER, signatureFor, signedHeaders } from "../support/signedApi";

const OLD = "absec_old_secret_for_rotation";
const NEW = "absec_new_secret_for_rotation";
const OTHER = "absec_some_other_app";
const ACCOUNT = "acct_DemoLinked";
const now = () => Math.floor(Date.now() / 1000);

const headers = (sig: string | null, account = ACCOUNT, user = DEMO_USER) => {
  const h = new Headers({ "Stripe-User-Id": user, "Stripe-Account-Id": account });
  if (sig !== null) h.set("Stripe-Signature", sig);
  return h;
};

describe("verifySignedCaller (the real stripe package's verifyHeader)", () => {
  it("accepts a valid signature and returns the verified caller", () => {
    expect(verifySignedCaller(headers(signatureFor(ACCOUNT, { secret: NEW })), [NEW])).toEqual({
      userId: DEMO_USER,
      accountId: ACCOUNT,
    });
  });

  it("rejects a missing signature", () => {
    expect(verifySignedCaller(headers(null), [NEW])).toBeNull();
  });

  it.each(["", "garbage", "t=abc,v1=", "v1=deadbeef", `t=${now()}`, `t=${now()},v1=${"0".repeat(64)}`])(
    "rejects a malformed signature %j",
    (sig) => {
      expect(verifySignedCaller(headers(sig), [NEW])).toBeNull();
    },
  );

  it("rejects a signature made with another secret", () => {
    expect(verifySignedCaller(headers(signatureFor(ACCOUNT, { secret: OTHER })), [NEW])).toBeNull();
  });

  it("rejects a stale signature (older than the 300 s tolerance) and accepts one just inside it", () => {
    const stale = signatureFor(ACCOUNT, { secret: NEW, timestamp: now() - SIGNATURE_TOLERANCE_SECONDS - 5 });
    const fresh = signatureFor(ACCOUNT, { secret: NEW, timestamp: now() - SIGNATURE_TOLERANCE_SECONDS + 30 });
    expect(verifySignedCaller(headers(stale), [NEW])).toBeNull();
    expect(verifySignedCaller(headers(fresh), [NEW])).not.toBeNull();
  });

  it("rejects a signature dated more than the tolerance ahead of our clock, and accepts one just inside it", () => {
    const ahead = (seconds: number) => signatureFor(ACCOUNT, { secret: NEW, timestamp: now() + seconds });
    expect(verifySignedCaller(headers(ahead(3600)), [NEW])).toBeNull();
    expect(verifySignedCaller(headers(ahead(SIGNATURE_TOLERANCE_SECONDS + 5)), [NEW])).toBeNull();
    expect(verifySignedCaller(headers(signatureFor(ACCOUNT, { secret: NEW, timestamp: 99999999999 })), [NEW])).toBeNull();
    expect(verifySignedCaller(headers(ahead(SIGNATURE_TOLERANCE_SECONDS - 30)), [NEW])).not.toBeNull();
  });

  it("judges a future timestamp by the last t= of the header, the one the HMAC covers", () => {
    const future = signatureFor(ACCOUNT, { secret: NEW, timestamp: now() + 3600 });
    expect(verifySignedCaller(headers(`t=${now()},${future}`), [NEW])).toBeNull();
  });

  it("rejects a signature over the payload with its keys swapped", () => {
    const swapped = JSON.stringify({ account_id: ACCOUNT, user_id: DEMO_USER });
    expect(verifySignedCaller(headers(signatureFor(ACCOUNT, { secret: NEW, payload: swapped })), [NEW])).toBeNull();
  });

  it("rejects a request whose account id was changed after signing", () => {
    const sig = signatureFor(ACCOUNT, { secret: NEW });
    expect(verifySignedCaller(headers(sig, "acct_SomeoneElse"), [NEW])).toBeNull();
  });

  it("rejects a request whose user id was changed after signing", () => {
    const sig = signatureFor(ACCOUNT, { secret: NEW });
    expect(verifySignedCaller(headers(sig, ACCOUNT, "usr_Intruder"), [NEW])).toBeNull();
  });

  it("during rotation accepts the old and the new secret, and a header with both, but not a third", () => {
    const active = [NEW, OLD];
    expect(verifySignedCaller(headers(signatureFor(ACCOUNT, { secret: OLD })), active)).not.toBeNull();
    expect(verifySignedCaller(headers(signatureFor(ACCOUNT, { secret: NEW })), active)).not.toBeNull();
    expect(verifySignedCaller(headers(signatureFor(ACCOUNT, { secret: OTHER })), active)).toBeNull();

    // What Stripe sends while two secrets are live: one v1= per secret, one timestamp.
    const payload = JSON.stringify({ user_id: DEMO_USER, account_id: ACCOUNT });
    const t = now();
    const v1 = (secret: string) =>
      Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: t }).split(",")[1];
    const both = `t=${t},${v1(OLD)},${v1(NEW)}`;
    expect(verifySignedCaller(headers(both), [NEW])).not.toBeNull();
    expect(verifySignedCaller(headers(both), [OLD])).not.toBeNull();
    expect(verifySignedCaller(headers(both), [OTHER])).toBeNull();
  });

  it("rejects ids that are not Stripe ids even when signed", () => {
    const payload = JSON.stringify({ user_id: DEMO_USER, account_id: "not-an-account" });
    const sig = signatureFor(ACCOUNT, { secret: NEW, payload });
    expect(verifySignedCaller(headers(sig, "not-an-account"), [NEW])).toBeNull();
  });
});

describe("the API refuses unsigned calls", () => {
  it("answers UNAUTHORIZED with a correlation id and no data", async () => {
    const res = await callBatch(
      [{ procedure: "getCustomer", input: { stripeCustomerId: "cus_DemoFull" } }],
      { ...signedHeaders(ACCOUNT, { secret: OTHER }) },
    );
    expect(res.status).toBe(401);
    const correlationId = res.headers.get("X-Correlation-Id");
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const [body] = await res.json();
    expect(body.result).toBeUndefined();
    expect(body.error.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401, correlationId });
  });
});
