import { useState, type FormEvent } from "react";
import { DEMO_ACCOUNTS, DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS, DRAWER_WIDTHS, type DrawerWidth, PAGES, type PageKind, type Selection } from "./demoIds";

/** Account and customer: a demo id from the list or any id typed in. */
export function Pickers({ selection, onOpen }: { selection: Selection; onOpen(next: Selection): void }) {
  const [account, setAccount] = useState(selection.account);
  const [customer, setCustomer] = useState(selection.customer);
  const [view, setView] = useState<PageKind>(selection.view);
  const [subscription, setSubscription] = useState(selection.subscription);
  const [width, setWidth] = useState<DrawerWidth>(selection.width);
  const [sandbox, setSandbox] = useState(selection.sandbox);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onOpen({ account: account.trim(), customer: customer.trim(), view, subscription: subscription.trim(), width, sandbox });
  };
  return (
    <form className="harness-pickers" onSubmit={submit}>
      <label>
        Stripe account
        <input name="account" list="harness-accounts" value={account} onChange={(e) => setAccount(e.target.value)} spellCheck={false} required />
      </label>
      <label>
        <input type="checkbox" name="sandbox" checked={sandbox} onChange={(e) => setSandbox(e.target.checked)} />
        Stripe sandbox
      </label>
      <datalist id="harness-accounts">
        {DEMO_ACCOUNTS.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <label>
        Page
        <select name="view" value={view} onChange={(e) => setView(e.target.value as PageKind)}>
          {(Object.keys(PAGES) as PageKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {PAGES[kind].label}
            </option>
          ))}
        </select>
      </label>
      {view === "subscription" && (
        <label>
          Subscription
          <input name="subscription" list="harness-subscriptions" value={subscription} onChange={(e) => setSubscription(e.target.value)} spellCheck={false} required />
        </label>
      )}
      <datalist id="harness-subscriptions">
        {DEMO_SUBSCRIPTIONS.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      {/* Only the customer page has a customer; elsewhere the field would be ignored. */}
      {view === "customer" && (
        <label>
          Customer
          <input name="customer" list="harness-customers" value={customer} onChange={(e) => setCustomer(e.target.value)} spellCheck={false} required />
        </label>
      )}
      <datalist id="harness-customers">
        {DEMO_CUSTOMERS.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <label>
        Drawer
        <select name="width" value={width} onChange={(e) => setWidth(Number(e.target.value) as DrawerWidth)}>
          {DRAWER_WIDTHS.map((w) => (
            <option key={w} value={w}>
              {`${w} px${w === 440 ? " (Stripe's)" : ""}`}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{view === "customer" ? "Open customer" : `Open ${PAGES[view].label.toLowerCase()}`}</button>
    </form>
  );
}
