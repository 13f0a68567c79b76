import type { Workspace } from "@/generated/prisma/client";
import { getConfig } from "../../config";
import { keyringFor } from "../../crypto/keyring";
import { logger } from "../../log/logger";
import { open } from "../../crypto/seal";
import { stiggApiKeyContext } from "../../oauth/stiggWorkspace";
import { type SourceLog, SourceUnavailableError } from "../types";
import { StiggGraphqlClient } from "./graphqlClient";
import { createStiggCache } from "./processCache";
import type { ReadCache } from "./readCache";
import { StiggSource } from "./stiggSource";

// One cache (and one set of in-flight reads) for the process: sources are built per
// request, answers outlive them. Made on first use, when the configuration is read. The
// Stripe Billing source shares it: every key starts with the workspace id.
const store = globalThis as typeof globalThis & { __stiggCache?: ReadCache };
export function processCache(): ReadCache {
  return (store.__stiggCache ??= createStiggCache(getConfig(), {
    warn: (message) => logger().warn(message),
    info: (message) => logger().info(message),
  }));
}

/**
 * The Stigg source of a `stigg` workspace row, with its key opened for this request, whose
 * reads end by `deadline` (epoch ms; by default the configured budget from now).
 */
export function stiggSourceFor(
  workspace: Workspace,
  log: SourceLog,
  deadline: number = Date.now() + getConfig().procedureBudgetMs,
): StiggSource {
  if (!workspace.stiggApiUrl || !workspace.stiggApiKeySealed) {
    throw new SourceUnavailableError(`Stigg workspace ${workspace.id} has no API URL or key`);
  }
  let apiKey: string;
  try {
    apiKey = open(workspace.stiggApiKeySealed, stiggApiKeyContext(workspace.id), keyringFor(getConfig()));
  } catch (err) {
    throw new SourceUnavailableError(`Stigg workspace ${workspace.id}: its API key cannot be opened`, { cause: err });
  }
  return new StiggSource(new StiggGraphqlClient({ apiUrl: workspace.stiggApiUrl, apiKey, deadline }), processCache(), workspace, log);
}
