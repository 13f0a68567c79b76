import { Writable } from "node:stream";
import pino from "pino";

/** A real pino logger whose output the test can read, to check that no secret was logged. */
export function capturedLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: "trace" }, sink), text: () => lines.join("") };
}
