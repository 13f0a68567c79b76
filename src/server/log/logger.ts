import pino from "pino";
import { getConfig } from "../config";

// Secrets must never reach the logs, even if a caller logs a whole object by mistake.
const REDACT = [
  "*.secret",
  "*.appSecret",
  "*.appSecrets",
  "*.apiKey",
  "*.refreshToken",
  "*.accessToken",
  "*.code",
  "*.signature",
  "headers['stripe-signature']",
  "headers.authorization",
  "headers['x-api-key']",
];

let root: pino.Logger | undefined;

export function logger(): pino.Logger {
  root ??= pino({
    level: getConfig().logLevel,
    base: { service: "stigg-app-host" },
    redact: { paths: REDACT, censor: "[redacted]" },
  });
  return root;
}
