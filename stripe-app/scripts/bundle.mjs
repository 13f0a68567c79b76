// Bundles the drawer's view the way Stripe ships it: minified, with React, its JSX
// runtime and remote-ui's React bindings left out (the Dashboard's runtime supplies
// them). Prints the size minified and gzipped.
//
//   node scripts/bundle.mjs [--outfile dist/CustomerDetailView.js]
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const hostSrc = path.resolve(appDir, "../src");

export const DEFAULT_ENTRY = path.join(appDir, "src/views/CustomerDetailView.tsx");
export const EXTERNAL = ["react", "react/jsx-runtime", "@remote-ui/react"];

/** `@/…` is the host's `src/` (the contract), as in tsconfig.json's `paths`. */
/** @type {import("esbuild").Plugin} */
const hostSourceAlias = {
  name: "host-source-alias",
  setup(b) {
    b.onResolve({ filter: /^@\// }, (args) =>
      b.resolve(`./${args.path.slice(2)}`, { resolveDir: hostSrc, kind: args.kind }),
    );
  },
};

/**
 * @param {{ entry?: string }} [options]
 * @returns {Promise<{ code: Uint8Array, minifiedBytes: number, gzippedBytes: number }>}
 */
export async function bundleView({ entry = DEFAULT_ENTRY } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    external: EXTERNAL,
    plugins: [hostSourceAlias],
    define: { "process.env.NODE_ENV": '"production"' },
    // Ignore tsconfig.json: its `paths` point `react` at the type declarations.
    tsconfigRaw: "{}",
    legalComments: "none",
    write: false,
    logLevel: "warning",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no output");
  return {
    code: output.contents,
    minifiedBytes: output.contents.byteLength,
    gzippedBytes: gzipSync(output.contents, { level: 9 }).byteLength,
  };
}

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--outfile");
  const outfile = at > 0 ? process.argv[at + 1] : undefined;
  const { code, minifiedBytes, gzippedBytes } = await bundleView();
  if (outfile) {
    await mkdir(path.dirname(path.resolve(outfile)), { recursive: true });
    await writeFile(outfile, code);
  }
  console.log(
    `CustomerDetailView: ${kb(minifiedBytes)} minified (${minifiedBytes} B), ` +
      `${kb(gzippedBytes)} gzipped (${gzippedBytes} B); external: ${EXTERNAL.join(", ")}`,
  );
}
