// `npm start`: build if the sources changed since the last build, then serve the host.
// With no configuration this is sandbox mode on the embedded database (PGlite), which
// the server migrates and seeds on its first start.
import { build } from "./build.mjs";
import { bin, ensureAppInstalled, isBuildCurrent, root } from "./lib.mjs";
import { serveUntilReady } from "./serveUntilReady.mjs";
import { serverNodeOptions } from "./serverFlags.mjs";

const port = process.env.PORT ?? "3000";
await ensureAppInstalled();
if (!isBuildCurrent()) {
  console.log("Building (first start, or the sources changed)…");
  await build();
}
try {
  await serveUntilReady(bin("next"), ["start", "--port", port], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}`,
      NODE_OPTIONS: serverNodeOptions(),
    },
    healthUrl: `http://127.0.0.1:${port}/api/health`,
  });
} catch (err) {
  // The server said why (a refused configuration, a database another process owns);
  // pass on the failure, without a stack trace of this wrapper.
  console.error(err.message);
  process.exit(1);
}
