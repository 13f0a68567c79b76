import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/server/config";

describe("REDIS_URL", () => {
  it("unset: no shared cache (answers are kept in each process)", () => {
    expect(parseConfig({}).redisUrl).toBeUndefined();
  });

  it("a redis:// or rediss:// URL, password included, is the shared cache", () => {
    expect(parseConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).redisUrl).toBe("redis://127.0.0.1:6379");
    expect(parseConfig({ REDIS_URL: "rediss://:pw@cache.internal:6380/2" }).redisUrl).toBe("rediss://:pw@cache.internal:6380/2");
  });

  it("anything else is refused at start, naming the variable", () => {
    for (const bad of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis://"]) {
      expect(() => parseConfig({ REDIS_URL: bad })).toThrow(ConfigError);
      expect(() => parseConfig({ REDIS_URL: bad })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    }
  });
});
