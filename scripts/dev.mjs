// `npm run dev`: Next.js in development mode, after the two generated inputs it needs.
import { generatePrismaClient, run } from "./lib.mjs";

await generatePrismaClient();
await run("node", ["scripts/build-harness.mjs"]);
await run("next", ["dev"]);
