import { customers, LINKED_ACCOUNT, UNKNOWN_CUSTOMER, UNLINKED_ACCOUNT } from "../../../prisma/seed/demoData";

// The pickers offer the seeded demo ids (any other id can be typed).
export const DEMO_ACCOUNTS = [LINKED_ACCOUNT, UNLINKED_ACCOUNT];
export const DEMO_CUSTOMERS = [...customers.map((c) => c.billingId), UNKNOWN_CUSTOMER];
/** Stripe subscription ids some demo subscriptions are billed through, and one none is. */
export const DEMO_SUBSCRIPTIONS = [
  ...customers.flatMap((c) => c.subscriptions.flatMap((s) => (s.billingId ? [s.billingId] : []))),
  "sub_1DemoNotInStigg",
];

/** The Dashboard pages the harness can open the app on, each one of the manifest's viewports. */
export const PAGES = {
  customer: { label: "Customer page", viewport: "stripe.dashboard.customer.detail" },
  subscription: { label: "Subscription page", viewport: "stripe.dashboard.subscription.detail" },
  settings: { label: "App settings", viewport: "settings" },
} as const;
export type PageKind = keyof typeof PAGES;
const isPage = (v: string | null): v is PageKind => v !== null && v in PAGES;

/**
 * Drawer widths to try narrow and wide layouts at: Stripe's drawer is 440 px; the others
 * bracket it (a narrow window, a wide one).
 */
export const DRAWER_WIDTHS = [320, 440, 640] as const;
export type DrawerWidth = (typeof DRAWER_WIDTHS)[number];
const isWidth = (v: number): v is DrawerWidth => (DRAWER_WIDTHS as readonly number[]).includes(v);

export interface Selection {
  account: string;
  customer: string;
  /** Which page; the customer page unless the URL says `view=`. */
  view: PageKind;
  subscription: string;
  /** The drawer's width in px (`width=`), 440 unless the URL says otherwise. */
  width: DrawerWidth;
}

/** Picker state lives in the URL (`?account=…&customer=…[&view=…&subscription=…]`) so every state can be linked to. */
export function selectionFromUrl(search: string): Selection {
  const q = new URLSearchParams(search);
  const view = q.get("view");
  return {
    account: q.get("account")?.trim() || LINKED_ACCOUNT,
    customer: q.get("customer")?.trim() || DEMO_CUSTOMERS[0]!,
    view: isPage(view) ? view : "customer",
    subscription: q.get("subscription")?.trim() || DEMO_SUBSCRIPTIONS[0]!,
    width: isWidth(Number(q.get("width"))) ? (Number(q.get("width")) as DrawerWidth) : 440,
  };
}

export function urlFor(selection: Selection): string {
  const q = new URLSearchParams({ account: selection.account, customer: selection.customer });
  if (selection.view !== "customer") q.set("view", selection.view);
  if (selection.view === "subscription") q.set("subscription", selection.subscription);
  if (selection.width !== 440) q.set("width", String(selection.width));
  return `?${q}`;
}
