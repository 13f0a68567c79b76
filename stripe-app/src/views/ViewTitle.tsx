import { createContext, type ReactNode, useContext, useEffect, useState } from "react";

const SetTitle = createContext<((title: string) => void) | null>(null);

/**
 * The view's title is the ContextView's, set above everything that decides what the view is
 * showing (the Gate, "not found", a tab): those parts name it, so the title says what is there.
 */
export function ViewTitleProvider({ initial, children }: { initial: string; children: (title: string) => ReactNode }) {
  const [title, setTitle] = useState(initial);
  return <SetTitle.Provider value={setTitle}>{children(title)}</SetTitle.Provider>;
}

/** Names the view while the calling part is on screen; outside a titled view it does nothing. */
export function useViewTitle(title: string): void {
  const setTitle = useContext(SetTitle);
  useEffect(() => {
    setTitle?.(title);
  }, [setTitle, title]);
}
