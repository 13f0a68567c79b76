// The extension's own install (its lockfile) holds one React, 18.3.1, while the root
// holds the host's React 19, which tests running from the root could otherwise reach
// (React Query resolved from the root, say). Hooks crash ("Invalid hook call") as soon as
// two copies meet, so every `react` / `react/*` import of the extension's tests resolves
// to the one copy the SDK's own remote-ui reconciler loads: that reconciler is CommonJS
// and resolves React by Node's rules, out of reach of any alias, so everything else must
// follow it.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const sdkManifest = require.resolve("@stripe/ui-extension-sdk/package.json");
const remoteUiReact = createRequire(sdkManifest).resolve("@remote-ui/react");
const reconciler = createRequire(remoteUiReact).resolve("react-reconciler");

/** The directory of the React package the SDK's reconciler uses. */
export const reactDir = path.dirname(createRequire(reconciler).resolve("react/package.json"));

/** Aliases for Vite/Vitest: `react` and every `react/<subpath>` to `reactDir`. */
export const reactAliases = [
  { find: /^react$/, replacement: reactDir },
  { find: /^react\/(.*)$/, replacement: `${reactDir}/$1` },
];
