import { createHash } from "node:crypto";
import type { Config } from "../config";
import type { Keyring } from "./seal";

/**
 * Sandbox mode may run without ENCRYPTION_KEYS (a fresh clone needs no setup), so it seals
 * with this key derived from a public string. It protects nothing and is never used in live
 * mode, where configuration refuses to start without ENCRYPTION_KEYS.
 */
export const SANDBOX_ONLY_KEY_ID = "sandbox-only-insecure";
const SANDBOX_ONLY_KEY = createHash("sha256").update("stigg-app-for-stripe: sandbox-only key, public, not secret").digest();

export function keyringFor(config: Pick<Config, "mode" | "encryptionKeys">): Keyring {
  if (config.encryptionKeys?.length) return config.encryptionKeys;
  if (config.mode === "sandbox") return [{ id: SANDBOX_ONLY_KEY_ID, key: SANDBOX_ONLY_KEY }];
  throw new Error("live mode needs ENCRYPTION_KEYS");
}
