import type { Workspace } from "@/generated/prisma/client";
import { getConfig } from "../../config";
import { keyringFor } from "../../crypto/keyring";
import { open } from "../../crypto/seal";
import { stiggApiKeyContext } from "../../oauth/stiggWorkspace";
import { type SourceLog, SourceUnavailableError } from "../types";
import { StiggGraphqlClient } from "./graphqlClient";
import { StiggSource } from "./stiggSource";
import { TtlCache } from "./ttlCache";

// One cache for the process: sources are built per request, answers outlive them.
const store = globalThis as typeof globalThis & { __stiggCache?: TtlCache };
const cache = (store.__stiggCache ??= new TtlCache(30_000, 5_000));

/** The Stigg source of a `stigg` workspace row, with its key opened for this request. */
export function stiggSourceFor(workspace: Workspace, log: SourceLog): StiggSource {
  if (!workspace.stiggApiUrl || !workspace.stiggApiKeySealed) {
    throw new SourceUnavailableError(`Stigg workspace ${workspace.id} has no API URL or key`);
  }
  let apiKey: string;
  try {
    apiKey = open(workspace.stiggApiKeySealed, stiggApiKeyContext(workspace.id), keyringFor(getConfig()));
  } catch (err) {
    throw new SourceUnavailableError(`Stigg workspace ${workspace.id}: its API key cannot be opened`, { cause: err });
  }
  return new StiggSource(new StiggGraphqlClient({ apiUrl: workspace.stiggApiUrl, apiKey }), cache, workspace, log);
}
