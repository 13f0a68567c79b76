// Limits both sides of the wire keep. No zod here: the extension's bundle imports it.

/** Calls one batched HTTP request may hold; the host refuses more, the client splits above it. */
export const MAX_BATCH_CALLS = 10;
