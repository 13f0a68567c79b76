import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/log/logger";

function memoryLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger("debug", sink), text: () => lines.join("") };
}

describe("logs never carry secrets", () => {
  it("redacts signatures, tokens, keys and codes wherever a caller puts them", () => {
    const { log, text } = memoryLogger();
    log.child({ correlationId: "c-1" }).info(
      {
        headers: { "stripe-signature": "t=1,v1=abc123sig", authorization: "Bearer sk_live_x", "x-api-key": "server-key-1" },
        oauth: { refreshToken: "rt_secret_1", access_token: "at_secret_2", code: "ac_secret_3" },
        workspace: { apiKey: "server-secret-4" },
        config: { appSecrets: ["absec_live_5"] },
      },
      "request",
    );
    const out = text();
    for (const secret of ["abc123sig", "sk_live_x", "server-key-1", "rt_secret_1", "at_secret_2", "ac_secret_3", "server-secret-4", "absec_live_5"]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("[redacted]");
    expect(JSON.parse(out).correlationId).toBe("c-1");
  });
});
