import { describe, expect, it } from "vitest";
import { customerDisplayName } from "../../src/format/customerName";

describe("customerDisplayName", () => {
  it("prefers the name, then the email, then says Unnamed Customer", () => {
    expect(customerDisplayName({ name: "Acme Corp", email: "billing@acme.example" })).toBe("Acme Corp");
    expect(customerDisplayName({ name: null, email: "ops@emailonly.example" })).toBe("ops@emailonly.example");
    expect(customerDisplayName({ name: null, email: null })).toBe("Unnamed Customer");
  });

  it("treats a blank name as missing", () => {
    expect(customerDisplayName({ name: "  ", email: "ops@emailonly.example" })).toBe("ops@emailonly.example");
    expect(customerDisplayName({ name: "", email: "" })).toBe("Unnamed Customer");
  });
});
