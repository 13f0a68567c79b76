import { useState, type FormEvent } from "react";
import { DEMO_ACCOUNTS, DEMO_CUSTOMERS, DEMO_SUBSCRIPTIONS, PAGES, type PageKind, type Selection } from "./demoIds";

/** Account and customer: a demo id from the list or any id typed in. */
export function Pickers({ selection, onOpen }: { selection: Selection; onOpen(next: Selection): void }) {
  const [account, setAccount] = useState(selection.account);
  const [customer, setCustomer] = useState(selection.customer);
  const [view, setView] = useState<PageKind>(selection.view);
  const [subscription, setSubscription] = useState(selection.subscription);
  const [sandbox, setSandbox] = useState(selection.sandbox);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onOpen({ account: account.trim(), customer: customer.trim(), view, subscription: subscription.trim(), sandbox });
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
      <label>
        Customer
        <input name="customer" list="harness-customers" value={customer} onChange={(e) => setCustomer(e.target.value)} spellCheck={false} required />
      </label>
      <datalist id="harness-customers">
        {DEMO_CUSTOMERS.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <button type="submit">{view === "customer" ? "Open customer" : `Open ${PAGES[view].label.toLowerCase()}`}</button>
    </form>
  );
}
