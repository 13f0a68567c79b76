// Bundles the app's views the way Stripe's CLI does (`stripe apps start` / `upload`):
// esbuild, honouring the app's tsconfig.json (its `paths` reach src/generated), nothing
// external. In the Dashboard the extension's sandbox gets React from this bundle, so it
// must hold exactly one React, 18.3.1 (the SDK's), and nothing of the host. Prints each
// view's size minified and gzipped, React included.
//
//   node scripts/bundle.mjs [--outdir dist]
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const thisAppDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * @param {{ appDir?: string }} [options] the app folder (a copy of it, in tests)
 * @returns {Promise<{
 *   views: { component: string, code: Uint8Array, minifiedBytes: number, gzippedBytes: number }[],
 *   reactCopies: { dir: string, version: string }[],
 *   inputsOutsideApp: string[],
 * }>}
 */
export async function bundleViews({ appDir = thisAppDir } = {}) {
  const manifest = JSON.parse(readFileSync(path.join(appDir, "stripe-app.json"), "utf8"));
  /** @type {string[]} */
  const components = [...new Set(manifest.ui_extension.views.map((/** @type {{component: string}} */ v) => v.component))];
  const result = await build({
    absWorkingDir: appDir,
    entryPoints: components.map((c) => ({ in: `src/views/${c}.tsx`, out: c })),
    outdir: "dist",
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    tsconfig: path.join(appDir, "tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: "warning",
  });

  const reactDirs = new Set();
  const inputsOutsideApp = [];
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(appDir, input);
    if (path.relative(appDir, file).startsWith("..")) inputsOutsideApp.push(file);
    const react = file.match(/^(.*\/node_modules\/react)\//);
    if (react) reactDirs.add(react[1]);
  }
  const reactCopies = [...reactDirs].map((dir) => ({
    dir,
    version: JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version,
  }));

  const views = components.map((component) => {
    const output = result.outputFiles.find((f) => path.basename(f.path) === `${component}.js`);
    if (!output) throw new Error(`esbuild produced no output for ${component}`);
    return {
      component,
      code: output.contents,
      minifiedBytes: output.contents.byteLength,
      gzippedBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    };
  });
  return { views, reactCopies, inputsOutsideApp };
}

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--outdir");
  const outdir = at > 0 ? process.argv[at + 1] : undefined;
  const { views, reactCopies } = await bundleViews();
  for (const { component, code, minifiedBytes, gzippedBytes } of views) {
    if (outdir) {
      await mkdir(path.resolve(outdir), { recursive: true });
      await writeFile(path.join(outdir, `${component}.js`), code);
    }
    console.log(`${component}: ${kb(minifiedBytes)} minified (${minifiedBytes} B), ${kb(gzippedBytes)} gzipped (${gzippedBytes} B), React included`);
  }
  console.log(`React in the bundle: ${reactCopies.map((r) => `${r.version} (${r.dir})`).join(", ")}`);
}
