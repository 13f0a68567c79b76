import { describe, expect, it } from "vitest";
import { outcomeMessage } from "@/app/oauth/result/outcomeMessage";
import type { InstallOutcome } from "@/server/oauth/installOutcome";
import { decodeResult, encodeResult } from "@/server/oauth/resultCookie";

const failures: InstallOutcome[] = [
  { kind: "denied" },
  { kind: "stripe_error", error: "invalid_scope" },
  { kind: "bad_request" },
  ...(["unknown", "expired", "reused", "other_browser"] as const).map((reason) => ({ kind: "state_rejected" as const, reason })),
  { kind: "not_configured", missing: ["STRIPE_SECRET_KEY"] },
  ...(["invalid_grant", "unauthorized", "rejected", "stripe_unavailable", "unreachable", "unexpected_response"] as const).map(
    (reason) => ({ kind: "exchange_failed" as const, reason }),
  ),
  { kind: "mode_mismatch" },
  { kind: "store_unavailable" },
  { kind: "internal_error" },
];

describe("the result page's words", () => {
  it.each(failures.map((o) => [JSON.stringify(o), o] as const))("%s: says nothing was connected and leads back to Connect", (_n, outcome) => {
    const message = outcomeMessage(outcome, "live");
    expect(message.tone).toBe("error");
    expect(message.lines.join(" ")).toMatch(/nothing was connected/i);
    expect(message.next.href).toBe("/connect");
  });

  it("a used link whose install is in place says the account is connected, leading to the Dashboard", () => {
    const message = outcomeMessage({ kind: "already_linked", stripeAccountId: "acct_A", livemode: false, sandbox: false, workspaceName: "Acme" }, "live");
    expect(message.tone).toBe("success");
    expect(message.lines.join(" ")).toContain("acct_A (test mode) is connected to “Acme”");
    expect(message.lines.join(" ")).not.toMatch(/nothing was connected/i);
    expect(message.next.href).toBe("https://dashboard.stripe.com/test/customers");
  });

  it("a Stripe Billing install approved on another account names both accounts and leads back to the key's account", () => {
    const message = outcomeMessage({ kind: "key_account_mismatch", keyAccountId: "acct_Key", stripeAccountId: "acct_Approved" }, "live");
    expect(message.tone).toBe("error");
    expect(message.title).toBe("The key belongs to another Stripe account");
    expect(message.lines.join(" ")).toMatch(/You approved the install on acct_Approved, but the restricted key you pasted belongs to acct_Key\. Nothing was connected\./);
    expect(message.lines.join(" ")).toContain("start again from that account's Stripe Dashboard");
    expect(message.next.href).toBe("/connect?account=acct_Key&kind=stripe_billing");
    const decoded = decodeResult(encodeResult({ outcome: { kind: "key_account_mismatch", keyAccountId: "acct_Key", stripeAccountId: "acct_Approved" }, correlationId: "c1" }));
    expect(decoded?.outcome).toEqual({ kind: "key_account_mismatch", keyAccountId: "acct_Key", stripeAccountId: "acct_Approved" });
  });

  it("tells the four state problems apart", () => {
    const titles = failures.filter((o) => o.kind === "state_rejected").map((o) => outcomeMessage(o, "live").title);
    expect(new Set(titles).size).toBe(4);
  });

  const linked = { kind: "linked" as const, stripeAccountId: "acct_1", workspaceName: "Sandbox", reinstalled: false };

  it("links a success to the Stripe Dashboard's customers in the install's mode", () => {
    expect(outcomeMessage({ ...linked, livemode: true }, "live").next.href).toBe("https://dashboard.stripe.com/customers");
    expect(outcomeMessage({ ...linked, livemode: false }, "live").next.href).toBe("https://dashboard.stripe.com/test/customers");
    expect(outcomeMessage({ ...linked, livemode: false, startedFromAccountId: "acct_0" }, "live").lines.join(" ")).toContain(
      "acct_0 is unchanged",
    );
  });

  it("names a Stripe sandbox's link as such", () => {
    expect(outcomeMessage({ ...linked, livemode: false, sandbox: true }, "live").lines[0]).toBe(
      "acct_1 (Stripe sandbox) now shows entitlements from “Sandbox”.",
    );
  });

  it("after a Marketplace install, says the app is installed and leads to picking a workspace for that account and mode", () => {
    const message = outcomeMessage({ kind: "installed", stripeAccountId: "acct_1", mode: "sandbox" }, "live");
    expect(message.title).toBe("Stigg is installed");
    expect(message.tone).toBe("success");
    expect(message.lines.join(" ")).toContain("installed on acct_1 (Stripe sandbox)");
    expect(message.next).toEqual({ label: "Pick a workspace", href: "/connect?account=acct_1&mode=sandbox" });
  });

  it("links a sandbox success to the preview Dashboard on the linked account", () => {
    expect(outcomeMessage({ ...linked, livemode: false }, "sandbox").next).toEqual({
      label: "Open the preview Dashboard",
      href: "/preview?account=acct_1",
    });
  });
});

describe("the result cookie", () => {
  it("round-trips an outcome and refuses anything that is not one", () => {
    const value = { outcome: { kind: "state_rejected", reason: "expired" } as const, correlationId: "c0ffee-1234" };
    expect(decodeResult(encodeResult(value))).toEqual(value);
    expect(decodeResult(undefined)).toBeUndefined();
    expect(decodeResult("not base64 json")).toBeUndefined();
    expect(decodeResult(Buffer.from(JSON.stringify({ outcome: { kind: "hacked" }, correlationId: "x" })).toString("base64url"))).toBeUndefined();
  });
});
