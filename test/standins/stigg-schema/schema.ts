import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLSchema } from "graphql";

let schema: GraphQLSchema | undefined;

/** Stigg's published schema (see README.md beside this file), built once. */
export function stiggSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));
  return schema;
}
