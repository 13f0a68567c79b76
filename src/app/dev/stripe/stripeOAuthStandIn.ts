import { randomBytes } from "node:crypto";

/**
 * A stand-in for the two halves of Stripe's OAuth install that this app talks to: issuing
 * an authorization code when the user approves, and `POST /v1/oauth/token`, with Stripe's
 * documented responses and errors. Used by the sandbox-only dev routes and by the tests.
 */

/** Stripe's authorization codes are single use and live five minutes. */
export const CODE_TTL_MS = 5 * 60 * 1000;
/** Spent and expired codes are kept this long, so a late exchange still hears "expired". */
export const CODE_RETENTION_MS = 60 * 60 * 1000;
/** At most this many codes are held; issuing more forgets the oldest. */
export const MAX_CODES = 1000;

export interface TokenRequest {
  authorization: string | null;
  contentType: string | null;
  body: string;
}

export interface StandInResponse {
  status: number;
  body: Record<string, unknown>;
}

interface IssuedCode {
  stripeUserId: string;
  livemode: boolean;
  /** Made in a Stripe sandbox: only the app's managed sandbox's key exchanges it. */
  sandbox: boolean;
  issuedAt: number;
  used: boolean;
}

export class StripeOAuthStandIn {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    /** Secret keys the token endpoint accepts; a key's mode is read from its prefix. */
    private readonly secretKeys: readonly string[],
    private readonly now: () => number = Date.now,
    /** Keys of the app's managed sandbox (test-mode keys), which answer Stripe sandbox installs. */
    private readonly sandboxKeys: readonly string[] = [],
  ) {}

  /** What Stripe does when the user clicks "Install": a code for that account and mode (or Stripe sandbox). */
  issueCode(stripeUserId: string, livemode: boolean, sandbox = false): string {
    this.forgetOldCodes();
    const code = `ac_${randomBytes(18).toString("base64url")}`;
    this.codes.set(code, { stripeUserId, livemode: livemode && !sandbox, sandbox, issuedAt: this.now(), used: false });
    return code;
  }

  /** How many codes are held (issued and not yet forgotten). */
  get heldCodes(): number {
    return this.codes.size;
  }

  // A Map iterates in insertion order, so the oldest codes come first.
  private forgetOldCodes(): void {
    const cutoff = this.now() - CODE_RETENTION_MS;
    for (const [code, issued] of this.codes) {
      if (issued.issuedAt >= cutoff && this.codes.size < MAX_CODES) break;
      this.codes.delete(code);
    }
  }

  token(req: TokenRequest): StandInResponse {
    const key = apiKeyFrom(req.authorization);
    if (!key || !(this.secretKeys.includes(key) || this.sandboxKeys.includes(key))) {
      return {
        status: 401,
        body: {
          error: {
            type: "invalid_request_error",
            message: key ? `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}` : "You did not provide an API key.",
          },
        },
      };
    }
    if (!req.contentType?.startsWith("application/x-www-form-urlencoded")) {
      return oauthError("invalid_request", "Request body must be form-encoded.");
    }
    const form = new URLSearchParams(req.body);
    const grantType = form.get("grant_type");
    if (!grantType) return oauthError("invalid_request", "No grant type provided.");
    if (grantType !== "authorization_code") return oauthError("unsupported_grant_type", `Unsupported grant type: ${grantType}`);
    const code = form.get("code");
    if (!code) return oauthError("invalid_request", "No authorization code provided.");

    const issued = this.codes.get(code);
    const livemode = key.includes("_live_");
    if (!issued) return oauthError("invalid_grant", `Invalid authorization code: ${code}`);
    // A code belongs to the app's account in one environment (live, test, or its managed
    // sandbox); another environment's key does not reach it, so the code stays usable.
    if (issued.livemode !== livemode || issued.sandbox !== this.sandboxKeys.includes(key)) {
      return oauthError("invalid_grant", "Authorization code provided does not belong to you.");
    }
    if (issued.used) return oauthError("invalid_grant", `Authorization code has already been used: ${code}`);
    // A code is spent by any exchange attempt that reaches it, like Stripe's.
    issued.used = true;
    if (this.now() - issued.issuedAt > CODE_TTL_MS) return oauthError("invalid_grant", `Authorization code expired: ${code}`);

    const mode = livemode ? "live" : "test";
    return {
      status: 200,
      body: {
        access_token: `sk_${mode}_${randomBytes(24).toString("base64url")}`,
        livemode,
        refresh_token: `rt_${randomBytes(24).toString("base64url")}`,
        scope: "stripe_apps",
        stripe_publishable_key: `pk_${mode}_${randomBytes(24).toString("base64url")}`,
        stripe_user_id: issued.stripeUserId,
        token_type: "bearer",
      },
    };
  }
}

function oauthError(error: string, description: string): StandInResponse {
  return { status: 400, body: { error, error_description: description } };
}

/** Stripe takes the key as a bearer token or as the Basic-auth user name (`curl -u key:`). */
function apiKeyFrom(header: string | null): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(" ", 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === "bearer") return value;
  if (scheme?.toLowerCase() === "basic") return Buffer.from(value, "base64").toString("utf8").split(":")[0] || undefined;
  return undefined;
}
