import { useCallback, useState } from "react";
import type { CustomerResult } from "@/contract";

/** How often, and how long, the Gate checks for the link made in the other tab. */
export const CONNECT_POLL_MS = 3_000;
const CONNECT_WATCH_MS = 10 * 60_000;

/**
 * "Connect Stigg" finishes in another tab, which the drawer cannot observe. Once it is
 * pressed, the customer lookup is repeated every few seconds while the account is still
 * unlinked (for ten minutes at most), so the drawer turns into the Command Center by itself.
 * A drawer opened again meanwhile (the Dashboard reloaded) knows of no press, so an unlinked
 * answer is also read again whenever the Dashboard's tab comes back into view (the user
 * returning from the install tab). `reset` forgets the press once the link is made, so a
 * later Gate (after Disconnect) is not "waiting" for a connect nobody started.
 */
export function useConnectWatch<T = CustomerResult>(
  isUnlinked: (data: T) => boolean = (data) => (data as CustomerResult).linked === false,
) {
  const [pressedAt, setPressedAt] = useState<number | null>(null);
  const refetchInterval = (query: { state: { data?: T } }): number | false =>
    pressedAt !== null &&
    query.state.data !== undefined &&
    isUnlinked(query.state.data) &&
    Date.now() - pressedAt < CONNECT_WATCH_MS
      ? CONNECT_POLL_MS
      : false;
  // "always": the drawer's answers never go stale by themselves (staleTime: Infinity).
  const refetchOnWindowFocus = (query: { state: { data?: T } }): "always" | false =>
    query.state.data !== undefined && isUnlinked(query.state.data) ? "always" : false;
  return {
    connectPressed: pressedAt !== null,
    // Pressed twice, the first press's ten minutes stand.
    onConnect: () => setPressedAt((at) => at ?? Date.now()),
    reset: useCallback(() => setPressedAt(null), []),
    refetchInterval,
    refetchOnWindowFocus,
  };
}
