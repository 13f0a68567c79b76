/*
 * When to try a read again. Hand-written on purpose: p-retry and exponential-backoff
 * (the usual libraries) have no per-answer delay, so they cannot honour a 429's
 * Retry-After without stacking their own backoff on top, nor stop at a request's
 * deadline; and both draw jitter from Math.random, which a test cannot pin.
 */

/**
 * "Equal jitter": half of the exponential step is fixed, half random, so retries spread
 * out (many drawers retrying together do not hit Stigg in lockstep) while the wait still
 * grows with each attempt. `attempt` counts from 0; `random` returns [0, 1).
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs: number; capMs: number; random?: () => number },
): number {
  const step = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  return Math.round(step / 2 + (options.random ?? Math.random)() * (step / 2));
}

const DELAY_SECONDS = /^\s*(\d+)\s*$/;

/**
 * A Retry-After header in milliseconds from `now`: delay-seconds or an HTTP-date
 * (RFC 9110 §10.2.3); a date in the past is 0. Undefined when absent or unreadable,
 * so the caller falls back to its own backoff.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = DELAY_SECONDS.exec(header);
  if (seconds) return Number(seconds[1]) * 1000;
  // Only something that looks like a date: Date.parse reads "1.5" as a day in 2001.
  if (!/[A-Za-z]/.test(header)) return undefined;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
