import path from "node:path";
import { defineConfig } from "vitest/config";

// Four projects: the host (Node, React 19 side); the extension, which has its own
// config because it must resolve React 18 (see stripe-app/vitest.config.ts); and the
// server tests, which start the real production server one file at a time (npm test
// builds first and runs them on their own: `vitest run --project server`), and those of
// them that need PostgreSQL (`--project server-postgresql`, when TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
        test: {
          name: "host",
          environment: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/server/**"],
          env: { LOG_LEVEL: "silent" },
          // PGlite/PostgreSQL-backed suites share one process-wide store per file. Ceilings,
          // not expectations: a fresh store's migrations on a loaded 2-core machine took
          // past 30 s.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
        test: {
          name: "server",
          environment: "node",
          include: ["test/server/**/*.test.ts"],
          exclude: ["test/server/postgresql/**"],
          // Real servers on one build: never two files at once.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      // The same, on PostgreSQL (TEST_DATABASE_URL): run when a server is given, like the
      // host's PostgreSQL run.
      {
        resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
        test: {
          name: "server-postgresql",
          environment: "node",
          include: ["test/server/postgresql/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      "stripe-app",
    ],
  },
});
