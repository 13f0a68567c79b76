import { z } from "zod";
import { installOutcome, type InstallOutcome } from "./installOutcome";

/**
 * The callback redirects to the result page instead of rendering it, so the spent code and
 * state leave the address bar and history and a reload doesn't read as "already used". The
 * outcome rides along in this short-lived cookie; it holds nothing secret.
 */
export const RESULT_COOKIE = "stigg_oauth_result";
export const RESULT_PATH = "/oauth/result";

const result = z.object({ outcome: installOutcome, correlationId: z.string().max(64) });
export type InstallResult = { outcome: InstallOutcome; correlationId: string };

export function resultCookieOptions(publicUrl: string) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: publicUrl.startsWith("https://"),
    path: RESULT_PATH,
    maxAge: 5 * 60,
  };
}

export function encodeResult(value: InstallResult): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** The result a callback left, or undefined when there is none or it isn't one of ours. */
export function decodeResult(cookie: string | undefined): InstallResult | undefined {
  if (!cookie) return undefined;
  try {
    const parsed = result.safeParse(JSON.parse(Buffer.from(cookie, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
