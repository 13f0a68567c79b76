import { STAND_IN_MAX_BODY_BYTES } from "@/app/dev/stripe/devStandIn";
import { MAX_API_BODY_BYTES } from "../api/handler";
import { MAX_WEBHOOK_BODY_BYTES, WEBHOOK_PATH } from "../webhook/stripeWebhook";
import { SERVER_ACTION_MAX_BYTES } from "./serverActionGuard";

/** The preview harness's signature stand-in: two ids and a few small fields. */
export const PREVIEW_SIGN_MAX_BYTES = 4096;
/** The preview harness's fault switch: an account, a kind and a flag. */
export const PREVIEW_FAULT_MAX_BYTES = 1024;

export interface BodyCap {
  bytes: number;
  /** The refusal speaks the route's language: tRPC's error shape on the API. */
  api: boolean;
}

/**
 * The most a request body may hold, by route, enforced at the front door before Next
 * reads a byte (frontDoor.ts); the routes count again as they read. Anything not listed
 * (a page, which may receive a server action) gets the server actions' limit.
 */
export function bodyCapFor(pathname: string): BodyCap {
  const cap = (bytes: number, api = false) => ({ bytes, api });
  if (pathname === "/api/trpc" || pathname.startsWith("/api/trpc/")) return cap(MAX_API_BODY_BYTES, true);
  if (pathname === WEBHOOK_PATH) return cap(MAX_WEBHOOK_BODY_BYTES);
  if (pathname === "/api/preview/sign") return cap(PREVIEW_SIGN_MAX_BYTES);
  if (pathname === "/api/preview/fault") return cap(PREVIEW_FAULT_MAX_BYTES);
  if (pathname.startsWith("/dev/stripe/")) return cap(STAND_IN_MAX_BODY_BYTES);
  return cap(SERVER_ACTION_MAX_BYTES);
}
