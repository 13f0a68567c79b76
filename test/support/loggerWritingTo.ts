import { Writable } from "node:stream";
import type * as LoggerModule from "@/server/log/logger";

/**
 * The app's own logger module, its logger writing each line into `lines`, for a test's
 * `vi.mock("@/server/log/logger", …)`: what the app logs, as it logs it, readable by the test.
 */
export function loggerWritingTo(actual: typeof LoggerModule, level: string, lines: string[]): typeof LoggerModule {
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = actual.createLogger(level as Parameters<typeof actual.createLogger>[0], sink);
  return { ...actual, logger: () => log };
}
