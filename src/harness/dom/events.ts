// Arguments for the extension's callbacks. They cross the sandbox boundary as messages,
// so they are plain objects shaped like the events the SDK documents, never DOM events.
export function pressEvent(e?: { altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }) {
  return {
    type: "press",
    pointerType: "mouse",
    altKey: !!e?.altKey,
    ctrlKey: !!e?.ctrlKey,
    metaKey: !!e?.metaKey,
    shiftKey: !!e?.shiftKey,
    target: {},
  };
}

export function changeEvent(value: string, extra: Record<string, unknown> = {}) {
  const target = { value, ...extra };
  return { type: "change", target, currentTarget: target };
}

export function keyEvent(e: { key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, value: string) {
  const target = { value };
  return { type: "keydown", key: e.key, code: e.code, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, target, currentTarget: target };
}

/** Calls an extension callback (an RPC proxy); its rejections are the sandbox's to report. */
export function invoke<A extends unknown[]>(fn: unknown, ...args: A): void {
  if (typeof fn === "function") void Promise.resolve(fn(...args)).catch((err: unknown) => console.error("[preview harness] callback failed", err));
}
