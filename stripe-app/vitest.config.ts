import path from "node:path";
import { defineProject } from "vitest/config";
import { reactAliases } from "./scripts/singleReact.mjs";

// The extension's tests run the views through the SDK's own test renderer (remote-ui),
// with React 18 resolved to a single copy (see scripts/singleReact.mjs).
export default defineProject({
  resolve: {
    alias: [
      ...reactAliases,
      // As in tsconfig.json's `paths`: `@/…` is what the host provides, generated into
      // src/generated (what ships); `@host/…` is the host's own source, for tests only.
      { find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, "src/generated/$1") },
      { find: /^@host\/(.*)$/, replacement: path.resolve(import.meta.dirname, "../src/$1") },
    ],
    dedupe: ["react"],
  },
  test: {
    name: "extension",
    environment: "jsdom",
    // The SDK's matchers register themselves with the global `expect`.
    globals: true,
    include: ["test/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
    server: {
      deps: {
        // Node would load these itself and resolve `react` from where they sit (the
        // root's React 19 for React Query); inlined, they go through the aliases above.
        inline: [/@stripe\/ui-extension-sdk/, /@tanstack\/react-query/, /@trpc\/tanstack-react-query/],
      },
    },
  },
});
