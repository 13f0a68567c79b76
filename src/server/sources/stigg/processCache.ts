import { createHash } from "node:crypto";
import type { Config } from "../../config";
import * as queries from "./queries";
import { ReadCache } from "./readCache";
import { RedisStore } from "./redisStore";
import { MemoryStore } from "./ttlCache";

const TTL_MS = 30_000;
const MAX_IN_PROCESS = 5_000;

/**
 * Cached answers are the parsed shapes of queries.ts; a deployment that changes a query
 * must not read what an older one left in a shared cache. The documents' hash is part of
 * every key, so that happens by itself.
 */
function queriesVersion(): string {
  const documents = Object.values(queries)
    .flatMap((v) => (v && typeof v === "object" && "document" in v && typeof v.document === "string" ? [v.document] : []))
    .sort();
  return createHash("sha256").update(documents.join("\0")).digest("hex").slice(0, 12);
}

/** The cache every Stigg source of this process reads through: Redis when REDIS_URL is set. */
export function createStiggCache(
  config: Pick<Config, "redisUrl">,
  log: { warn: (message: string) => void; info: (message: string) => void },
): ReadCache {
  if (!config.redisUrl) return new ReadCache(new MemoryStore(TTL_MS, MAX_IN_PROCESS));
  return new ReadCache(
    new RedisStore({
      url: config.redisUrl,
      keyPrefix: `stigg-app:stigg:${queriesVersion()}:`,
      ttlMs: TTL_MS,
      warn: log.warn,
      info: log.info,
    }),
  );
}
