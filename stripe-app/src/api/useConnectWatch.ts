import { useState } from "react";
import type { CustomerResult } from "@/contract";

/** How often, and how long, the Gate checks for the link made in the other tab. */
export const CONNECT_POLL_MS = 3_000;
const CONNECT_WATCH_MS = 10 * 60_000;

/**
 * "Connect Stigg" finishes in another tab, which the drawer cannot observe. Once it is
 * pressed, the customer lookup is repeated every few seconds while the account is still
 * unlinked (for ten minutes at most), so the drawer turns into the Command Center by itself.
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
  return { connectPressed: pressedAt !== null, onConnect: () => setPressedAt(Date.now()), refetchInterval };
}
