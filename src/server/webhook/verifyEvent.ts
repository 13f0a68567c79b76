import Stripe from "stripe";
import { isFromTheFuture, SIGNATURE_TOLERANCE_SECONDS } from "../auth/stripeSignature";

/*
 * The stripe package decodes a Buffer with a lenient TextDecoder before computing the HMAC:
 * invalid sequences become U+FFFD and a leading BOM is dropped, so different bytes would
 * verify alike. Decoded strictly (invalid UTF-8 refused, a BOM kept), the text re-encodes
 * to exactly the bytes received, and the HMAC over it is the HMAC over those bytes.
 */
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function exactText(body: Buffer): string | null {
  try {
    return strict.decode(body);
  } catch {
    return null;
  }
}

/**
 * The event Stripe signed, or null when the signature does not cover exactly these bytes
 * with this secret, or its timestamp lies more than the tolerance (300 s, as for the API's
 * signed requests) before or after our clock.
 */
export function verifyEvent(body: Buffer, header: string, secret: string, nowMs = Date.now()): Stripe.Event | null {
  const text = exactText(body);
  if (text === null || isFromTheFuture(header, nowMs)) return null;
  try {
    return Stripe.webhooks.constructEvent(text, header, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, nowMs);
  } catch {
    return null;
  }
}
