import path from "node:path";

/** The project's root directory. */
export const root = path.resolve(import.meta.dirname, "../..");
