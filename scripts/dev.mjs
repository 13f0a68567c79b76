// `npm run dev`: Next.js in development mode, after the extension's own install and the two generated inputs it needs.
import { ensureAppInstalled, generatePrismaClient, run } from "./lib.mjs";

await ensureAppInstalled();
await generatePrismaClient();
await run("node", ["scripts/build-harness.mjs"]);
await run("next", ["dev"]);
