// Types for scripts/app-contract.mjs (plain Node, so that it runs before anything is built).
export const root: string;
export const OUTPUT: string;
export function generateAppContract(): string;
export const SCHEMAS_OUTPUT: string;
export function contractSchemaFiles(): Record<string, string>;
