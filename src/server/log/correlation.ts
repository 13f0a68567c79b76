import { randomUUID } from "node:crypto";

const SAFE = /^[A-Za-z0-9._-]{8,64}$/;

/** Reuses a caller's correlation id when it is well formed, so a trace spans systems. */
export function correlationIdFrom(headers: Headers): string {
  const given = headers.get("x-correlation-id");
  return given && SAFE.test(given) ? given : randomUUID();
}
