import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: the host (Node, React 19 side) and the extension, which has its own
// config because it must resolve React 18 (see stripe-app/vitest.config.ts).
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
        test: {
          name: "host",
          environment: "node",
          include: ["test/**/*.test.ts"],
          env: { LOG_LEVEL: "silent" },
          // PGlite/PostgreSQL-backed suites share one process-wide store per file.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      "stripe-app",
    ],
  },
});
