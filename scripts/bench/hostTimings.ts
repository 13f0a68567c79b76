// The host's own timings, from its log lines: one "api request" line per HTTP request, whose
// `ms` is the slowest of its calls (each measured from the signature check to its result),
// which run side by side: the time the three procedures took together.
import { readFileSync } from "node:fs";

export function hostTimings(logFile: string, correlationPrefix: string): number[] {
  const perRequest = new Map<string, number>();
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.includes(correlationPrefix)) continue;
    let entry: { correlationId?: string; ms?: number; msg?: string; failed?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.msg !== "api request" || entry.failed || typeof entry.ms !== "number" || !entry.correlationId?.startsWith(correlationPrefix)) continue;
    perRequest.set(entry.correlationId, Math.max(perRequest.get(entry.correlationId) ?? 0, entry.ms));
  }
  return [...perRequest.values()];
}
