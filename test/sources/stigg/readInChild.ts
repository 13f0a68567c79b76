/*
 * A second host process, as far as the Stigg source goes: builds the source of a Stigg
 * workspace the way the host does (stiggSourceFor: configuration, sealed key, the
 * process's cache — Redis when REDIS_URL is set), paints one customer's drawer and prints
 * the result as JSON. Run by sharedCache.test.ts with `node --import tsx`; input in the
 * CHILD_INPUT environment variable.
 */
import type { Workspace } from "@/generated/prisma/client";
import { getConfig } from "@/server/config";
import { keyringFor } from "@/server/crypto/keyring";
import { seal } from "@/server/crypto/seal";
import { stiggApiKeyContext } from "@/server/oauth/stiggWorkspace";
import { stiggSourceFor } from "@/server/sources/stigg/fromWorkspace";
import { firstPaint } from "./firstPaint";

export interface ChildInput {
  workspaceId: string;
  stiggUrl: string;
  apiKey: string;
  stripeCustomerId: string;
  fresh?: boolean;
}

const input = JSON.parse(process.env.CHILD_INPUT ?? "") as ChildInput;
const workspace: Workspace = {
  id: input.workspaceId,
  sourceKind: "stigg",
  displayName: "Shared cache test",
  stiggAppBaseUrl: "https://app.stigg.test",
  stiggApiUrl: input.stiggUrl,
  stiggApiKeySealed: seal(input.apiKey, stiggApiKeyContext(input.workspaceId), keyringFor(getConfig())),
  stripeApiUrl: null,
  stripeApiKeySealed: null,
  createdAt: new Date(),
  updatedAt: new Date(),
};
const paint = await firstPaint(stiggSourceFor(workspace, { warn: () => {} }), input.stripeCustomerId, { fresh: input.fresh });
// The Redis connection would keep the process alive: leave once the answer is out.
process.stdout.write(JSON.stringify(paint), () => process.exit(0));
