import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here. `env()` would throw when DATABASE_URL is unset,
// and unset is the embedded default (PGlite), so fall back to an empty string.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
