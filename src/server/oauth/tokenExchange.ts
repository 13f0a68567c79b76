import { z } from "zod";

/** Stripe's documented answer to `POST /v1/oauth/token` for a Stripe App install. */
const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  livemode: z.boolean(),
  scope: z.string().min(1),
  stripe_publishable_key: z.string(),
  stripe_user_id: z.string().regex(/^acct_[A-Za-z0-9]+$/),
  token_type: z.string(),
});

/** OAuth errors are `{error, error_description}`; API errors (e.g. a bad key) are `{error: {type, message}}`. */
const errorResponse = z.object({
  error: z.union([z.string(), z.object({ type: z.string().optional(), code: z.string().optional() })]),
});

/**
 * What an install keeps from the exchange. The access token is dropped here on purpose: it
 * lives one hour, the app never calls Stripe with it, and what isn't kept can't leak.
 */
export interface InstallGrant {
  stripeUserId: string;
  livemode: boolean;
  scope: string;
  refreshToken: string;
}

export type TokenExchangeFailure =
  /** The code is unknown, expired, already used, or belongs to another app or mode. */
  | "invalid_grant"
  /** Stripe refused our credentials: the secret key is wrong or of the other mode. */
  | "unauthorized"
  /** Any other error Stripe documents (invalid_request, invalid_client, …). */
  | "rejected"
  | "stripe_unavailable"
  | "unreachable"
  | "unexpected_response";

export class TokenExchangeError extends Error {
  constructor(
    readonly reason: TokenExchangeFailure,
    /** Stripe's error code or HTTP status: safe to log, unlike the description. */
    readonly detail: string,
  ) {
    super(`token exchange failed: ${reason} (${detail})`);
    this.name = "TokenExchangeError";
  }
}

export interface ExchangeRequest {
  apiBase: string;
  secretKey: string;
  code: string;
  timeoutMs?: number;
}

/** Trades an authorization code for the install's tokens at `{apiBase}/v1/oauth/token`. */
export async function exchangeCode(req: ExchangeRequest): Promise<InstallGrant> {
  let res: Response;
  try {
    res = await fetch(`${req.apiBase}/v1/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${req.secretKey}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams({ grant_type: "authorization_code", code: req.code }),
      signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
      redirect: "error",
    });
  } catch (err) {
    throw new TokenExchangeError("unreachable", err instanceof Error ? err.name : "fetch failed");
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    const parsed = tokenResponse.safeParse(body);
    if (!parsed.success) throw new TokenExchangeError("unexpected_response", `status ${res.status}`);
    const t = parsed.data;
    return { stripeUserId: t.stripe_user_id, livemode: t.livemode, scope: t.scope, refreshToken: t.refresh_token };
  }
  throw failureFrom(res.status, body);
}

function failureFrom(status: number, body: unknown): TokenExchangeError {
  if (status >= 500) return new TokenExchangeError("stripe_unavailable", `status ${status}`);
  const parsed = errorResponse.safeParse(body);
  if (!parsed.success) return new TokenExchangeError("unexpected_response", `status ${status}`);
  const { error } = parsed.data;
  // Only a short code is kept: Stripe's descriptions may quote the code or key being refused.
  const code = (typeof error === "string" ? error : (error.code ?? error.type ?? `status ${status}`))
    .replace(/[^A-Za-z0-9_. -]/g, "")
    .slice(0, 64);
  if (status === 401 || status === 403) return new TokenExchangeError("unauthorized", code);
  if (code === "invalid_grant") return new TokenExchangeError("invalid_grant", code);
  return new TokenExchangeError("rejected", code);
}
