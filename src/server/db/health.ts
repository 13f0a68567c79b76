import { getConfig } from "../config";
import { HEALTH_PROBE_LIMIT_MS, probeStore, type StoreKind, storeIsOpen, storeKind } from "./client";

export interface StoreHealth {
  /**
   * ok: the store answers and has room. busy: it answers, but every connection the
   * requests share is in use (PostgreSQL), or the one in-process connection did not get
   * to SELECT 1 within the limit behind the work queued on it (PGlite); requests may wait
   * or be told to retry. unavailable: it does not answer.
   */
  status: "ok" | "busy" | "unavailable";
  store: StoreKind;
}

/**
 * Whether the store answers now; opening it (connect, migrate) counts within the limit.
 * On PostgreSQL SELECT 1 runs on a connection of its own (reservedConnection.ts), so
 * load never reads as down.
 */
export async function storeHealth(): Promise<StoreHealth> {
  const store = storeKind();
  const limit = Math.min(HEALTH_PROBE_LIMIT_MS, getConfig().db.connectTimeoutMs);
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`no answer within ${limit} ms`));
    }, limit);
  });
  try {
    const probe = probeStore();
    probe.catch(() => {});
    return { status: await Promise.race([probe, timeout]), store };
  } catch {
    // In process, an open PGlite that is slow to answer is queued, not gone.
    return { status: timedOut && store === "pglite" && storeIsOpen() ? "busy" : "unavailable", store };
  } finally {
    clearTimeout(timer);
  }
}
