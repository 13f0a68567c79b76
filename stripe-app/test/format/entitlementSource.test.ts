import { describe, expect, it } from "vitest";
import { entitlementSourceText } from "../../src/format/subscriptionLabel";
import { credits, flag, PRO, SEATS } from "../support/fixtures";

describe("an entitlement's sources (From …)", () => {
  it("names the plans that grant it, each once", () => {
    expect(entitlementSourceText(flag({ grantedBy: [PRO, SEATS, PRO] }))).toBe("Pro, Extra Seats");
  });

  it("credits that include a grant to the customer itself name it next to the plan", () => {
    expect(entitlementSourceText(credits({ grantedBy: [PRO], hasCustomerLevelGrant: true }))).toBe(
      "Pro + promotional grant",
    );
    expect(entitlementSourceText(credits({ grantedBy: [], hasCustomerLevelGrant: true }))).toBe("promotional grant");
  });

  it("only the plan when there is no customer-level grant, or when the source does not say", () => {
    expect(entitlementSourceText(credits({ grantedBy: [PRO], hasCustomerLevelGrant: false }))).toBe("Pro");
    expect(entitlementSourceText(credits({ grantedBy: [PRO], hasCustomerLevelGrant: null }))).toBe("Pro");
  });
});
