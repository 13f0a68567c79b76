import { randomUUID } from "node:crypto";

export const CORRELATION_REQUEST_HEADER = "x-correlation-id";

const SAFE = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller's correlation id when it is well formed (so a trace spans systems), else a new one. */
export function correlationIdOf(given: string | null | undefined): string {
  return given && SAFE.test(given) ? given : randomUUID();
}

/** Reuses a caller's correlation id when it is well formed, so a trace spans systems. */
export function correlationIdFrom(headers: Headers): string {
  return correlationIdOf(headers.get(CORRELATION_REQUEST_HEADER));
}
