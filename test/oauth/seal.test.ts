import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config";
import { keyringFor, SANDBOX_ONLY_KEY_ID } from "@/server/crypto/keyring";
import { open, seal, SealError } from "@/server/crypto/seal";

const oldKey = { id: "k2025", key: randomBytes(32) };
const newKey = { id: "k2026", key: randomBytes(32) };
const CONTEXT = "stripe_account_link.refresh_token:acct_1:test";

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof SealError) return err.reason;
    throw err;
  }
  return undefined;
}

/** Flips one bit of one byte of the envelope's `part`-th base64url section. */
function flip(envelope: string, part: number): string {
  const parts = envelope.split(":");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[0]! ^= 0x01;
  parts[part] = bytes.toString("base64url");
  return parts.join(":");
}

describe("seal / open (AES-256-GCM envelopes)", () => {
  it("round-trips a secret and never stores it in the clear", () => {
    const secret = "rt_" + randomBytes(24).toString("base64url");
    const envelope = seal(secret, CONTEXT, [newKey]);
    expect(envelope.startsWith("v1:k2026:")).toBe(true);
    expect(envelope).not.toContain(secret);
    expect(open(envelope, CONTEXT, [newKey])).toBe(secret);
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same", CONTEXT, [newKey])).not.toBe(seal("same", CONTEXT, [newKey]));
  });

  it.each([
    ["IV", 2],
    ["auth tag", 3],
    ["ciphertext", 4],
  ])("detects a flipped byte in the %s", (_name, part) => {
    const envelope = seal("rt_secret_value", CONTEXT, [newKey]);
    expect(reasonOf(() => open(flip(envelope, part), CONTEXT, [newKey]))).toBe("tampered");
  });

  it("refuses an envelope moved to another row (context is authenticated)", () => {
    const envelope = seal("rt_secret_value", CONTEXT, [newKey]);
    expect(reasonOf(() => open(envelope, "stripe_account_link.refresh_token:acct_2:test", [newKey]))).toBe("tampered");
  });

  it("refuses a key id swapped in the envelope, even to a configured key", () => {
    const envelope = seal("rt_secret_value", CONTEXT, [newKey]);
    const swapped = envelope.replace(":k2026:", ":k2025:");
    expect(reasonOf(() => open(swapped, CONTEXT, [oldKey, { id: "k2026", key: newKey.key }]))).toBe("tampered");
  });

  it("opens values sealed with the old key after rotation (old key second in the list)", () => {
    const sealedBefore = seal("rt_before_rotation", CONTEXT, [oldKey]);
    const rotated = [newKey, oldKey];
    expect(open(sealedBefore, CONTEXT, rotated)).toBe("rt_before_rotation");
    expect(seal("rt_after", CONTEXT, rotated).split(":")[1]).toBe("k2026");
  });

  it("names a key that is no longer configured", () => {
    const envelope = seal("rt_secret_value", CONTEXT, [oldKey]);
    expect(reasonOf(() => open(envelope, CONTEXT, [newKey]))).toBe("unknown_key");
  });

  it.each(["", "plain text", "v2:k2026:a:b:c", "v1:k2026:AAAA:AAAA:AAAA"])("refuses malformed input %j", (bad) => {
    expect(reasonOf(() => open(bad, CONTEXT, [newKey]))).toBe("malformed");
  });
});

describe("keyringFor", () => {
  it("uses ENCRYPTION_KEYS in order, first one sealing", () => {
    const config = parseConfig({
      ENCRYPTION_KEYS: `${newKey.id}:${newKey.key.toString("base64")},${oldKey.id}:${oldKey.key.toString("base64")}`,
    });
    expect(keyringFor(config).map((k) => k.id)).toEqual(["k2026", "k2025"]);
  });

  it("falls back to the clearly named sandbox-only key in sandbox mode only", () => {
    const ring = keyringFor(parseConfig({}));
    expect(ring.map((k) => k.id)).toEqual([SANDBOX_ONLY_KEY_ID]);
    expect(() => keyringFor({ mode: "live", encryptionKeys: undefined })).toThrow(/ENCRYPTION_KEYS/);
  });
});
