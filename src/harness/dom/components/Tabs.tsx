import { createContext, useContext, useEffect, useState, type KeyboardEvent, type ReactNode } from "react";
import { invoke } from "../events";

interface TabsState {
  selected: string | undefined;
  select(id: string): void;
  register(id: string): void;
  fitted: boolean;
}

const TabsContext = createContext<TabsState | null>(null);

/**
 * Controlled (`selectedKey` + `onSelectionChange`) or not; uncontrolled tabs start on the
 * first Tab, which the harness learns when the Tabs register themselves.
 */
export function Tabs(props: { children?: ReactNode; selectedKey?: string; onSelectionChange?: (id: string) => void; fitted?: boolean; size?: string }) {
  const [own, setOwn] = useState<string | undefined>(undefined);
  const [first, setFirst] = useState<string | undefined>(undefined);
  const selected = props.selectedKey ?? own ?? first;
  const state: TabsState = {
    selected,
    fitted: !!props.fitted,
    select(id) {
      setOwn(id);
      invoke(props.onSelectionChange, id);
    },
    register(id) {
      setFirst((current) => current ?? id);
    },
  };
  return (
    <div className={`sdk-tabs sdk-tabs--${props.size ?? "medium"}`}>
      <TabsContext.Provider value={state}>{props.children}</TabsContext.Provider>
    </div>
  );
}

function useTabs(component: string): TabsState {
  const state = useContext(TabsContext);
  if (!state) throw new Error(`${component} must be inside Tabs`);
  return state;
}

/**
 * Stripe's TabList is a list of Tab elements with one panel shown at a time
 * (docs.stripe.com/stripe-apps/components/tabs): a tablist. As a tablist, it is one tab stop
 * (the selected tab), and the arrow keys (Home, End) move to the other tabs and select them.
 */
export function TabList({ children }: { children?: ReactNode }) {
  const { fitted, select } = useTabs("TabList");
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]:not(:disabled)')];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    tab.focus();
    select(tab.dataset.tabId!);
  };
  return (
    <div role="tablist" className={`sdk-tablist${fitted ? " sdk-tablist--fitted" : ""}`} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

export function Tab({ id, children, disabled }: { id: string; children?: ReactNode; disabled?: boolean }) {
  const { selected, select, register } = useTabs("Tab");
  // `register` is new on every render of Tabs but always does the same: key on the id.
  useEffect(() => register(id), [id]);
  const active = selected === id;
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={active}
      aria-controls={`tabpanel-${id}`}
      data-tab-id={id}
      tabIndex={active ? 0 : -1}
      disabled={disabled}
      className={`sdk-tab${active ? " sdk-tab--active" : ""}`}
      onClick={() => select(id)}
    >
      {children}
    </button>
  );
}

export function TabPanels({ children }: { children?: ReactNode }) {
  useTabs("TabPanels");
  return <div className="sdk-tabpanels">{children}</div>;
}

export function TabPanel({ id, children }: { id: string; children?: ReactNode }) {
  const { selected } = useTabs("TabPanel");
  if (selected !== id) return null;
  return (
    <div role="tabpanel" id={`tabpanel-${id}`} aria-labelledby={`tab-${id}`} className="sdk-tabpanel">
      {children}
    </div>
  );
}
