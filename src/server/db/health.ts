import { getConfig } from "../config";
import { getDb, type StoreKind, storeKind } from "./client";

export interface StoreHealth {
  status: "ok" | "unavailable";
  store: StoreKind;
}

/** Longest wait for `SELECT 1`: a health check must answer before the balancer gives up. */
const PROBE_LIMIT_MS = 2_000;

/** Whether the store answers now; opening it (connect, migrate) counts within the limit. */
export async function storeHealth(): Promise<StoreHealth> {
  const store = storeKind();
  const limit = Math.min(PROBE_LIMIT_MS, getConfig().db.connectTimeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
  });
  try {
    const probe = getDb().then((db) => db.$queryRaw`SELECT 1`);
    probe.catch(() => {});
    await Promise.race([probe, timeout]);
    return { status: "ok", store };
  } catch {
    return { status: "unavailable", store };
  } finally {
    clearTimeout(timer);
  }
}
