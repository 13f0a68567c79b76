import { useEffect, useRef, useState } from "react";

/**
 * Local state for a controlled input whose owner (the extension) lives across an async
 * boundary. Typing updates the field at once; the extension's echoes of what was typed
 * arrive later and out of date, so an echo of any value already sent is ignored, while a
 * value the extension sets on its own (a reset, a clear) replaces the field.
 */
export function useEchoedValue(value: string | undefined, defaultValue: string | undefined) {
  const [local, setLocal] = useState(value ?? defaultValue ?? "");
  const sent = useRef<string[]>([]);
  useEffect(() => {
    if (value === undefined) return;
    const i = sent.current.indexOf(value);
    if (i >= 0) {
      sent.current = sent.current.slice(i + 1);
      return;
    }
    sent.current = [];
    setLocal(value);
  }, [value]);
  const type = (next: string) => {
    setLocal(next);
    if (value !== undefined) sent.current.push(next);
  };
  return [local, type] as const;
}
