// Contract violations found while rendering the extension's tree: an unknown component,
// a prop the SDK does not declare, a value outside its declared type. Stripe's renderer
// rejects these, so the harness reports each loudly (console.error and the red banner
// that the e2e asserts never appears) instead of rendering around them.
export interface Violation {
  component: string;
  message: string;
}

const seen = new Set<string>();
let list: readonly Violation[] = [];
const listeners = new Set<() => void>();

export function reportViolation(component: string, message: string): void {
  const key = `${component}: ${message}`;
  if (seen.has(key)) return;
  seen.add(key);
  console.error(`[preview harness] ${key}`);
  list = [...list, { component, message }];
  // Reported during render: notify after it, never inside another component's render.
  queueMicrotask(() => listeners.forEach((l) => l()));
}

export function violations(): readonly Violation[] {
  return list;
}

export function subscribeViolations(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
