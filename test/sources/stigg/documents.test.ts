import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { KEY_CHECK_QUERY } from "@/server/oauth/stiggKeyCheck";
import * as queries from "@/server/sources/stigg/queries";
import { stiggSchema } from "../../standins/stigg-schema/schema";

// Every document the app can send to Stigg, found by shape so that a new operation cannot
// be forgotten here.
const operations = Object.values(queries as Record<string, unknown>).filter(
  (v): v is { operationName: string; document: string } =>
    typeof v === "object" && v !== null && "document" in v && "operationName" in v,
);
const documents = [
  ...operations.map((op) => ({ operationName: op.operationName, document: op.document })),
  { operationName: "StiggKeyCheck", document: KEY_CHECK_QUERY },
];

describe("the documents the app sends validate against Stigg's published schema", () => {
  it("finds all of them", () => {
    expect(documents.map((d) => d.operationName).sort()).toEqual([
      "FindCustomerByBillingId",
      "FindSubscriptionByBillingId",
      "GetCreditEntitlements",
      "GetCustomerEntitlements",
      "GetUsageHistory",
      "ListCustomerSubscriptions",
      "StiggKeyCheck",
    ]);
  });

  it.each(documents)("$operationName", ({ operationName, document }) => {
    const ast = parse(document);
    expect(validate(stiggSchema(), ast).map((e) => e.message)).toEqual([]);
    // One operation per document, named as the request's operationName says.
    expect(ast.definitions.map((d) => ("name" in d ? d.name?.value : undefined))).toEqual([operationName]);
  });
});
