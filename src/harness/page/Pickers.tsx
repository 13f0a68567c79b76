import { useState, type FormEvent } from "react";
import { DEMO_ACCOUNTS, DEMO_CUSTOMERS, type Selection } from "./demoIds";

/** Account and customer: a demo id from the list or any id typed in. */
export function Pickers({ selection, onOpen }: { selection: Selection; onOpen(next: Selection): void }) {
  const [account, setAccount] = useState(selection.account);
  const [customer, setCustomer] = useState(selection.customer);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onOpen({ account: account.trim(), customer: customer.trim() });
  };
  return (
    <form className="harness-pickers" onSubmit={submit}>
      <label>
        Stripe account
        <input name="account" list="harness-accounts" value={account} onChange={(e) => setAccount(e.target.value)} spellCheck={false} required />
      </label>
      <datalist id="harness-accounts">
        {DEMO_ACCOUNTS.map((id) => (
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
      <button type="submit">Open customer</button>
    </form>
  );
}
