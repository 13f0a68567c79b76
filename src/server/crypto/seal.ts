import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** One AES-256 key and the id stored beside everything it seals, so keys can rotate. */
export interface SealKey {
  id: string;
  key: Buffer;
}

/** The first key seals; every key opens what it sealed (ENCRYPTION_KEYS order). */
export type Keyring = readonly SealKey[];

export class SealError extends Error {
  constructor(
    readonly reason: "malformed" | "unknown_key" | "tampered" | "no_key",
    message: string,
  ) {
    super(message);
    this.name = "SealError";
  }
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts a secret with AES-256-GCM. The envelope is `v1:<kid>:<iv>:<tag>:<ciphertext>`
 * (base64url parts). `context` names where the value lives (e.g. the link row it belongs
 * to) and is authenticated but not stored: an envelope copied to another row won't open.
 */
export function seal(plaintext: string, context: string, keyring: Keyring): string {
  const current = keyring[0];
  if (!current) throw new SealError("no_key", "no encryption key configured");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(aad(current.id, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, current.id, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(":");
}

/** Decrypts an envelope made by `seal` with the key it names; throws SealError otherwise. */
export function open(envelope: string, context: string, keyring: Keyring): string {
  const parts = envelope.split(":");
  const [version, kid, iv, tag, ciphertext] = parts;
  if (parts.length !== 5 || version !== VERSION || !kid || !iv || !tag || ciphertext === undefined) {
    throw new SealError("malformed", "not a sealed value");
  }
  const entry = keyring.find((k) => k.id === kid);
  if (!entry) throw new SealError("unknown_key", `sealed with key "${kid}", which is not configured`);
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new SealError("malformed", "not a sealed value");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, ivBytes);
    decipher.setAAD(aad(kid, context));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealError("tampered", "sealed value failed authentication (tampered, or wrong key or context)");
  }
}

// The version and key id are authenticated too, so they can't be swapped in the envelope.
function aad(kid: string, context: string): Buffer {
  return Buffer.from(`${VERSION}:${kid}:${context}`, "utf8");
}
