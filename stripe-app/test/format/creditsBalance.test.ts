import { describe, expect, it } from "vitest";
import { creditsBalanceText, creditsConsumedText } from "../../src/format/creditsBalance";
import { credits } from "../support/fixtures";

describe("credits text", () => {
  it("shows the balance against what was granted, and what was consumed", () => {
    expect(creditsBalanceText(credits(), "en-US")).toBe("2,250 / 6,000 credits remaining");
    expect(creditsConsumedText(credits(), "en-US")).toBe("3,750 credits consumed");
  });

  it("formats a currency unit as money", () => {
    const usd = credits({ unit: "USD", currentBalance: 22.5, totalGranted: 60, totalConsumed: 37.5 });
    expect(creditsBalanceText(usd, "en-US")).toBe("$22.50 / $60.00 remaining");
    expect(creditsConsumedText(usd, "en-US")).toBe("$37.50 consumed");
  });
});
