import pino from "pino";
import { getConfig } from "../config";

// Secrets must never reach the logs, even if a caller logs a whole object by mistake.
const REDACT = [
  "*.secret",
  "*.appSecret",
  "*.appSecrets",
  "*.apiKey",
  "*.refreshToken",
  "*.refresh_token",
  "*.accessToken",
  "*.access_token",
  "*.code",
  "*.signature",
  "headers['stripe-signature']",
  "headers.authorization",
  "headers['x-api-key']",
];

/**
 * Writes to stdout asynchronously by default: under load, lines logged while a write is
 * in flight go out together in one system call instead of one each. Pino flushes what is
 * pending when the process exits.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    { level, base: { service: "stigg-app-host" }, redact: { paths: REDACT, censor: "[redacted]" } },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

let root: pino.Logger | undefined;

export function logger(): pino.Logger {
  root ??= createLogger(getConfig().logLevel);
  return root;
}
