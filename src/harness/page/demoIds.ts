import { customers, LINKED_ACCOUNT, UNKNOWN_CUSTOMER, UNLINKED_ACCOUNT } from "../../../prisma/seed/demoData";

// The pickers offer the seeded demo ids (any other id can be typed).
export const DEMO_ACCOUNTS = [LINKED_ACCOUNT, UNLINKED_ACCOUNT];
export const DEMO_CUSTOMERS = [...customers.map((c) => c.billingId), UNKNOWN_CUSTOMER];

export interface Selection {
  account: string;
  customer: string;
}

/** Picker state lives in the URL (`?account=…&customer=…`) so every state can be linked to. */
export function selectionFromUrl(search: string): Selection {
  const q = new URLSearchParams(search);
  return {
    account: q.get("account")?.trim() || LINKED_ACCOUNT,
    customer: q.get("customer")?.trim() || DEMO_CUSTOMERS[0]!,
  };
}

export function urlFor(selection: Selection): string {
  return `?${new URLSearchParams({ account: selection.account, customer: selection.customer })}`;
}
