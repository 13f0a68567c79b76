// The harness's two esbuild bundles (see scripts/build-harness.mjs, which writes them to
// public/preview/, and e2e/contract.spec.ts, which builds a sandbox around a bad view).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { localManifest } from "../../../stripe-app/scripts/manifest.mjs";
import { extractPropContract } from "./propContract.mjs";

export const root = path.resolve(import.meta.dirname, "../../..");

/** The directory Node's lookup finds package `name` in, starting from `fromDir`. */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === path.dirname(dir)) throw new Error(`${name} is not installed (looked from ${fromDir})`);
  }
}

// The extension is installed on its own (stripe-app/node_modules, from its own lockfile):
// the SDK, remote-ui and React 18 come from there, never from the host's React 19. The
// SDK's reconciler is the one that must find React, so the sandbox uses the React it
// finds and every other import of react/* follows. The page speaks remote-ui to the
// sandbox, so it uses the extension's copy of remote-ui too (one protocol version).
const appDir = path.join(root, "stripe-app");
const sdkDir = packageDir("@stripe/ui-extension-sdk", appDir);
const remoteUiReactDir = packageDir("@remote-ui/react", sdkDir);
const reconcilerDir = packageDir("react-reconciler", remoteUiReactDir);
const hostReactDir = packageDir("react", root);
const remoteUi = { "@remote-ui/react": sdkDir, "@remote-ui/core": appDir, "@remote-ui/rpc": appDir };

/**
 * Resolves every import of the listed packages (any subpath, from any importer) as if
 * imported from one given directory each, so a bundle never carries two copies of React
 * or of remote-ui.
 */
function pin(packages) {
  const names = Object.keys(packages).map((n) => n.replace(/[/.]/g, "\\$&"));
  const filter = new RegExp(`^(${names.join("|")})(/.*)?$`);
  return {
    name: "pin-packages",
    setup(b) {
      b.onResolve({ filter }, (args) => {
        if (args.pluginData?.pinned) return undefined;
        const [, name] = args.path.match(filter);
        return b.resolve(args.path, { kind: args.kind, resolveDir: packages[name], pluginData: { pinned: true } });
      });
    },
  };
}

/** Virtual modules: `harness:<name>` → a file path (starting with "/") or JSON text. */
function virtual(modules) {
  return {
    name: "harness-virtual",
    setup(b) {
      b.onResolve({ filter: /^harness:/ }, (args) =>
        modules[args.path].startsWith("/") ? { path: modules[args.path] } : { path: args.path, namespace: "harness" },
      );
      b.onLoad({ filter: /.*/, namespace: "harness" }, (args) => ({ contents: modules[args.path], loader: "json" }));
    },
  };
}

/** Fails unless exactly one copy of `pkg` went into the bundle, at `version`. */
async function assertSingle(metafile, pkg, version) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = input.match(new RegExp(`^(.*node_modules/${pkg})/`));
    if (m) dirs.add(path.resolve(root, m[1]));
  }
  if (dirs.size !== 1) throw new Error(`expected one copy of ${pkg} in the bundle, found: ${[...dirs].join(", ") || "none"}`);
  const [dir] = dirs;
  const found = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")).version;
  if (found !== version) throw new Error(`${pkg} in the bundle is ${found}, expected ${version}`);
}

const common = {
  bundle: true,
  format: "iife",
  minify: true,
  sourcemap: "linked",
  jsx: "automatic",
  target: "es2022",
  metafile: true,
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
};

/**
 * `harness:views`: each viewport's view. By default the manifest's own (`ui_extension.views`,
 * component `X` being `stripe-app/src/views/X.tsx`, as Stripe's CLI resolves it); with
 * `view`, that one file for every viewport (e2e fixtures).
 */
function viewsModule(view) {
  const entries = view
    ? [["*", path.resolve(view)]]
    : (localManifest().ui_extension?.views ?? []).map((v) => [v.viewport, path.join(appDir, "src/views", `${v.component}.tsx`)]);
  const imports = entries.map(([, file], i) => `import V${i} from ${JSON.stringify(file)};`).join("\n");
  const table = entries.map(([viewport], i) => `${JSON.stringify(viewport)}: V${i}`).join(", ");
  return {
    name: "harness-views",
    setup(b) {
      b.onResolve({ filter: /^harness:views$/ }, () => ({ path: "harness:views", namespace: "harness-views" }));
      b.onLoad({ filter: /.*/, namespace: "harness-views" }, () => ({
        contents: `${imports}\nexport default { ${table} };`,
        loader: "js",
        resolveDir: root,
      }));
    },
  };
}

/** The unmodified extension views + the sandbox bootstrap, with exactly one React 18.3.1. */
export async function buildSandbox({ view, outfile }) {
  const result = await build({
    ...common,
    entryPoints: [path.join(root, "src/harness/sandbox/main.tsx")],
    outfile,
    tsconfig: path.join(root, "stripe-app/tsconfig.json"),
    plugins: [
      viewsModule(view),
      // Views outside stripe-app/ (e2e fixtures) get the SDK from the extension as well.
      pin({ react: reconcilerDir, "react-reconciler": remoteUiReactDir, "@stripe/ui-extension-sdk": appDir, ...remoteUi }),
    ],
  });
  await assertSingle(result.metafile, "react", "18.3.1");
  return result;
}

/** The page: pickers, drawer and the SDK components' DOM implementations, on the host's React. */
export async function buildRenderer({ outfile }) {
  // The local manifest (stripe-app.local.json over stripe-app.json), as `stripe apps start` would run it.
  const manifest = localManifest();
  const result = await build({
    ...common,
    entryPoints: [path.join(root, "src/harness/page/main.tsx")],
    outfile,
    tsconfig: path.join(root, "tsconfig.json"),
    plugins: [
      virtual({
        // `ui` components (schemaVersion "v9") and the `ui/next` ones ("v9Next"), which
        // reuse some names (LineChart, BarChart, Tabs) with other props.
        "harness:contract": JSON.stringify({
          v9: extractPropContract(path.join(sdkDir, "ui/index.d.ts")),
          v9Next: extractPropContract(path.join(sdkDir, "ui/next.d.ts")),
        }),
        "harness:manifest": JSON.stringify(manifest),
      }),
      pin({ react: root, "react-dom": root, ...remoteUi }),
    ],
  });
  const hostReact = JSON.parse(await readFile(path.join(hostReactDir, "package.json"), "utf8")).version;
  await assertSingle(result.metafile, "react", hostReact);
  return result;
}
