/**
 * The drawer's timing marks, in the order a first paint passes them. `npm run bench`
 * (scripts/bench-preview.mjs) reads them from the extension's frame to split "drawer open
 * → list" into phases; nothing in the app reads them.
 */
export const TIMING_MARKS = {
  spinner: "stigg:spinner",
  signed: "stigg:signed",
  requestSent: "stigg:request-sent",
  answered: "stigg:answered",
  listCommitted: "stigg:list",
} as const;

export type TimingMark = (typeof TIMING_MARKS)[keyof typeof TIMING_MARKS];

const marked = new Set<TimingMark>();

/**
 * Records a mark the first time only: the bench wants the first paint's, and every later
 * call is one Set lookup. Called from effects and the fetch path, never while rendering.
 */
export function markOnce(name: TimingMark): void {
  if (marked.has(name)) return;
  marked.add(name);
  globalThis.performance?.mark?.(name);
}
