import { useCallback, useEffect, useState } from "react";
import { ExtensionHost } from "./ExtensionHost";
import { FaultSwitch } from "./FaultSwitch";
import { Pickers } from "./Pickers";
import { PAGES, selectionFromUrl, urlFor, type Selection } from "./demoIds";
import { ViolationsBanner } from "./ViolationsBanner";

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
  const section = view === "customer" ? "Customers" : view === "subscription" ? "Subscriptions" : view === "home" ? "Dashboard" : "Installed apps";

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
          {["Home", "Balances", "Transactions", "Customers", "Product catalog", "Billing", "Reports"].map((item) => (
            <div key={item} className={`dash-nav__item${item === (view === "customer" ? "Customers" : view === "subscription" ? "Billing" : "") ? " dash-nav__item--active" : ""}`}>
              {item}
            </div>
          ))}
        </nav>
        <main className="dash-page">
          <div className="dash-page__crumbs">{section}</div>
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
        <aside className="drawer" aria-label="App drawer" data-testid="app-drawer">
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
