import { useCallback, useEffect, useState } from "react";
import { ExtensionHost } from "./ExtensionHost";
import { FaultSwitch } from "./FaultSwitch";
import { Pickers } from "./Pickers";
import { PAGES, type PageKind, selectionFromUrl, urlFor, type Selection } from "./demoIds";
import { ViolationsBanner } from "./ViolationsBanner";

const NAV = ["Home", "Balances", "Transactions", "Customers", "Product catalog", "Billing", "Reports", "Settings"] as const;

/** Where each page sits in the Dashboard: its nav item, and the breadcrumb that names it. */
const SECTION: Record<PageKind, { nav: (typeof NAV)[number]; crumbs: string }> = {
  customer: { nav: "Customers", crumbs: "Customers" },
  subscription: { nav: "Billing", crumbs: "Billing › Subscriptions" },
  settings: { nav: "Settings", crumbs: "Settings › Installed apps" },
  home: { nav: "Home", crumbs: "Home" },
};

/** A Stripe customer page with the app drawer open, plus the harness's own controls. */
export function PreviewApp() {
  const [selection, setSelection] = useState<Selection>(() => selectionFromUrl(window.location.search));
  const [overlay, setOverlay] = useState<HTMLElement | null>(null);
  const [toasts, setToasts] = useState<string[]>([]);

  useEffect(() => {
    const onPop = () => setSelection(selectionFromUrl(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  // Every "Open customer" opens the drawer afresh, as reopening it in the Dashboard does,
  // even for the customer already shown (a new frame, new queries).
  const [opened, setOpened] = useState(0);
  const open = (next: Selection) => {
    const url = urlFor(next);
    if (url === window.location.search) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    setSelection(next);
    setOpened((n) => n + 1);
  };
  const onToast = useCallback((message: string) => setToasts((t) => [...t.slice(-2), message]), []);
  const { view } = selection;
  const on = {
    viewport: PAGES[view].viewport,
    object:
      view === "customer"
        ? { id: selection.customer, object: "customer" }
        : view === "subscription"
          ? { id: selection.subscription, object: "subscription" }
          : undefined,
    sandbox: selection.sandbox,
  };
  const title =
    view === "customer" ? selection.customer : view === "subscription" ? selection.subscription : view === "home" ? "Home" : "Stigg settings";
  // The breadcrumb names the nav item that is highlighted, then the page's own list.
  const { nav, crumbs } = SECTION[view];

  return (
    <div className="harness">
      <div className="harness-bar">
        <strong className="harness-bar__title">Preview harness</strong>
        <Pickers key={urlFor(selection)} selection={selection} onOpen={open} />
        <FaultSwitch account={selection.account} />
      </div>
      <ViolationsBanner />
      <div className="dash">
        <nav className="dash-nav" aria-label="Dashboard">
          <div className="dash-nav__account">{selection.account}</div>
          {NAV.map((item) => (
            <div key={item} className={`dash-nav__item${item === nav ? " dash-nav__item--active" : ""}`} aria-current={item === nav ? "page" : undefined}>
              {item}
            </div>
          ))}
        </nav>
        <main className="dash-page">
          <div className="dash-page__crumbs" data-testid="crumbs">{crumbs}</div>
          <h1 className="dash-page__title">{title}</h1>
          <div className="dash-page__meta">
            <span className="dash-badge">{selection.sandbox ? "Stripe sandbox" : "Test mode"}</span>
          </div>
          {["Payments", "Subscriptions", "Invoices", "Payment methods", "Events"].map((section) => (
            <section key={section} className="dash-card">
              <h2>{section}</h2>
              <div className="dash-card__placeholder" />
            </section>
          ))}
        </main>
        <aside className="drawer" aria-label="App drawer" data-testid="app-drawer" style={{ width: selection.width }}>
          <header className="drawer__header">
            <span className="drawer__logo" aria-hidden="true">S</span>
            <span className="drawer__name">Stigg</span>
          </header>
          <div className="drawer__body" data-testid="drawer-body">
            <ExtensionHost
              key={`${urlFor(selection)}/${opened}`}
              account={selection.account}
              customer={selection.customer}
              on={on}
              overlay={overlay}
              onToast={onToast}
            />
          </div>
          <div className="drawer__overlay" ref={setOverlay} />
        </aside>
      </div>
      <div className="harness-toasts" role="status">
        {toasts.map((t, i) => (
          <div key={i} className="harness-toast">
            {t}
          </div>
        ))}
      </div>
    </div>
  );
}
