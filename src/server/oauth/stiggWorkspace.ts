import { createHash } from "node:crypto";
import { type Db, noteChange } from "../db/client";
import { seal, type Keyring } from "../crypto/seal";

export const STIGG_APP_URL = "https://app.stigg.io";

/** The seal context ties a sealed Stigg key to its own workspace row. */
export function stiggApiKeyContext(workspaceId: string): string {
  return `workspace.stigg_api_key:${workspaceId}`;
}

/**
 * Records a (checked) Stigg environment as a workspace. The id is derived from the API URL
 * and key, so connecting a second Stripe account with the same key reuses the workspace.
 */
export async function upsertStiggWorkspace(
  db: Db,
  input: { apiUrl: string; apiKey: string },
  keyring: Keyring,
): Promise<{ id: string; displayName: string }> {
  const digest = createHash("sha256").update(`${input.apiUrl}\n${input.apiKey}`).digest("hex").slice(0, 20);
  const id = `ws_stigg_${digest}`;
  const data = {
    sourceKind: "stigg" as const,
    // Shown on pages: named by the id's digest, never by any part of the key.
    displayName: `Stigg environment ${digest.slice(0, 6)} (${new URL(input.apiUrl).host})`,
    stiggAppBaseUrl: STIGG_APP_URL,
    stiggApiUrl: input.apiUrl,
    stiggApiKeySealed: seal(input.apiKey, stiggApiKeyContext(id), keyring),
  };
  const workspace = await db.workspace.upsert({
    where: { id },
    create: { id, ...data },
    update: data,
    select: { id: true, displayName: true },
  });
  noteChange();
  return workspace;
}
