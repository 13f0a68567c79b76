/*
 * Whether an error means the store itself is unreachable, at start (StoreUnavailableError)
 * or at run time (a connection refused, reset or ended, a pool or connect timeout, the
 * server shutting down), however deep the ORM or a source has wrapped it. Such a failure
 * is worded "the app's database is unavailable" wherever it shows.
 */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
// SQLSTATE: connection exceptions (08…), the server shutting down or not yet accepting (57P01–57P03).
const SQLSTATE = /^(08\d{3}|57P0[1-3])$/;
// Prisma's: cannot reach, timed out, server closed the connection, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// Prisma's driver-adapter error kinds for the same.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TransactionAlreadyClosed"]);
const MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /query read timeout/i, /connection error/i, /pglite is closed/i];

// By name, not instanceof: the server's bundles may each hold their own copy of client.ts.
const STORE_DOWN_NAMES = new Set(["StoreUnavailableError", "PrismaClientInitializationError"]);

function isStoreDown(err: object): boolean {
  const { code, kind, name, message } = err as { code?: unknown; kind?: unknown; name?: unknown; message?: unknown };
  if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code))) return true;
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  if (typeof name === "string" && STORE_DOWN_NAMES.has(name)) return true;
  return typeof message === "string" && MESSAGES.some((m) => m.test(message));
}

export function isStoreUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (isStoreDown(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
