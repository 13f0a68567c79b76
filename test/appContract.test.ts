import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { contractSchemaFiles, generateAppContract, OUTPUT, SCHEMAS_OUTPUT } from "../scripts/app-contract.mjs";

// stripe-app/ builds on its own (Stripe's CLI uploads that folder alone), so it holds a
// generated copy of the contract's types and the router's type. The contract stays the
// single source: this fails as soon as the copy differs from what the host's code says.
describe("stripe-app/src/generated/contract.ts", () => {
  let generated: string;
  // A TypeScript program over the contract and the router: seconds, not milliseconds.
  beforeAll(() => {
    generated = generateAppContract();
  }, 120_000);

  it("is what `npm run app:contract` writes from the current contract and router (run it if this fails)", () => {
    expect(readFileSync(OUTPUT, "utf8")).toBe(generated);
  });

  it("imports nothing but @trpc/server's types: no zod, no server code, no Prisma", () => {
    const imports = [...generated.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports).toEqual(["@trpc/server"]);
    expect(generated).toMatch(/^import type /m);
  });

  it("carries every procedure of the router and the header the client reads", () => {
    for (const name of ["getCustomer", "listSubscriptions", "getEntitlements", "getUsageSeries"]) {
      expect(generated).toMatch(new RegExp(`^    ${name}: TRPC(Query|Mutation)Procedure<`, "m"));
    }
    expect(generated).toContain('export const CORRELATION_HEADER = "X-Correlation-Id";');
  });
});

describe("stripe-app/test/generated/contract/ (the zod schemas the extension's tests validate with)", () => {
  it("is what `npm run app:contract` copies from src/contract, file for file (run it if this fails)", () => {
    const expected = contractSchemaFiles();
    expect(readdirSync(SCHEMAS_OUTPUT).sort()).toEqual(Object.keys(expected));
    for (const [name, text] of Object.entries(expected)) {
      expect(readFileSync(path.join(SCHEMAS_OUTPUT, name), "utf8"), name).toBe(text);
    }
  });
});
