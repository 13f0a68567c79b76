// The contract between host and extension: zod schemas (validated on the host) and the
// types inferred from them (used by the extension through the router type).
export * from "./ids";
export * from "./customer";
export * from "./subscription";
export * from "./failures";
export * from "./entitlement";
export * from "./usage";
export * from "./inputs";
export * from "./mode";
export * from "./settings";
export * from "./subscriptionDetail";
export * from "./errors";
export * from "./limits";
export * from "./workspaceKind";
export * from "./sourceWords";
