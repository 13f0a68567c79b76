// Builds the preview harness into public/preview/ (see src/harness):
//   sandbox.js  — the unmodified extension views (the manifest's) + the sandbox bootstrap, for the
//                 null-origin iframe. Exactly one React, 18.3.1, the extension's.
//   renderer.js — the page: pickers, the "Dashboard" drawer and the DOM implementations
//                 of the SDK components. The host's React (19), nothing shared with the
//                 sandbox but messages.
// Usage: node scripts/build-harness.mjs [--view=path/to/View.tsx]
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { buildRenderer, buildSandbox, root } from "../src/harness/build/bundles.mjs";

const outdir = path.join(root, "public/preview");
const viewArg = process.argv.find((a) => a.startsWith("--view="));
// Without --view, every view the manifest declares, each on its viewport.
const view = viewArg ? path.resolve(root, viewArg.slice("--view=".length)) : undefined;

await mkdir(outdir, { recursive: true });
const outputs = {
  "sandbox.js": await buildSandbox({ view, outfile: path.join(outdir, "sandbox.js") }),
  "renderer.js": await buildRenderer({ outfile: path.join(outdir, "renderer.js") }),
};
for (const [name, result] of Object.entries(outputs)) {
  const bytes = Object.entries(result.metafile.outputs).find(([f]) => f.endsWith(name))[1].bytes;
  console.log(`public/preview/${name}  ${(bytes / 1024).toFixed(0)} KB`);
}
