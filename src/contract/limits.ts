// Limits both sides of the wire keep. No zod here: the extension's bundle imports it.

/** Calls one batched HTTP request may hold; the host refuses more, the client splits above it. */
export const MAX_BATCH_CALLS = 10;

/**
 * The most time one API request takes, in ms, whatever the data source does (store time
 * included): past it, what is left fails as "did not answer in time". The host's
 * PROCEDURE_BUDGET_MS may lower it, never raise it; the extension gives up 2 s after it.
 */
export const PROCEDURE_BUDGET_MS = 5_000;
