// Production build: the extension's own install, the Prisma client, the preview harness bundles, then Next.js. Records a
// stamp of its inputs so that `npm start` rebuilds only when the sources changed.
import { writeFileSync } from "node:fs";
import { ensureAppInstalled, generatePrismaClient, run, sourceStamp, STAMP } from "./lib.mjs";

export async function build() {
  await ensureAppInstalled();
  const stamp = sourceStamp();
  await generatePrismaClient();
  await run("node", ["scripts/build-harness.mjs"]);
  await run("next", ["build"]);
  writeFileSync(STAMP, stamp);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await build();
}
