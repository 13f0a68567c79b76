import manifest from "harness:manifest";
import { customers, LINKED_ACCOUNT, UNKNOWN_CUSTOMER, UNLINKED_ACCOUNT } from "../../../prisma/seed/demoData";
import { DEMO_BILLING_ACCOUNT, DEMO_BILLING_CUSTOMER, DEMO_BILLING_DELETED_CUSTOMER, DEMO_BILLING_SUBSCRIPTION } from "../../server/dev/stripeBilling/demoAccount";

// The pickers offer the seeded demo ids (any other id can be typed).
export const DEMO_ACCOUNTS = [LINKED_ACCOUNT, UNLINKED_ACCOUNT, DEMO_BILLING_ACCOUNT];
export const DEMO_CUSTOMERS = [...customers.map((c) => c.billingId), UNKNOWN_CUSTOMER, DEMO_BILLING_CUSTOMER, DEMO_BILLING_DELETED_CUSTOMER];
/** Stripe subscription ids some demo subscriptions are billed through, and one none is. */
export const DEMO_SUBSCRIPTIONS = [
  ...customers.flatMap((c) => c.subscriptions.flatMap((s) => (s.billingId ? [s.billingId] : []))),
  "sub_1DemoNotInStigg",
  DEMO_BILLING_SUBSCRIPTION,
];

/** The Dashboard pages the harness can open the app on, each one of the manifest's viewports. */
export const PAGES = {
  customer: { label: "Customer page", viewport: "stripe.dashboard.customer.detail" },
  subscription: { label: "Subscription page", viewport: "stripe.dashboard.subscription.detail" },
  settings: { label: "App settings", viewport: "settings" },
  home: { label: "Dashboard home", viewport: "stripe.dashboard.drawer.default" },
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
  /** The account is a Stripe sandbox (`userContext.account.isSandbox`): `sandbox=1`. */
  sandbox: boolean;
}

/**
 * The page the Dashboard opens right after an install: the one the manifest's
 * `post_install_action` names (`settings`: the app's settings view), else the app's drawer.
 */
export function postInstallPage(): PageKind {
  return manifest.post_install_action?.type === "settings" ? "settings" : "home";
}

/**
 * Picker state lives in the URL (`?account=…&customer=…[&view=…&subscription=…&sandbox=1]`)
 * so every state can be linked to. `postInstall=1` opens what the Dashboard shows after an install.
 */
export function selectionFromUrl(search: string): Selection {
  const q = new URLSearchParams(search);
  const view = q.get("postInstall") === "1" ? postInstallPage() : q.get("view");
  return {
    account: q.get("account")?.trim() || LINKED_ACCOUNT,
    customer: q.get("customer")?.trim() || DEMO_CUSTOMERS[0]!,
    view: isPage(view) ? view : "customer",
    subscription: q.get("subscription")?.trim() || DEMO_SUBSCRIPTIONS[0]!,
    width: isWidth(Number(q.get("width"))) ? (Number(q.get("width")) as DrawerWidth) : 440,
    sandbox: q.get("sandbox") === "1",
  };
}

export function urlFor(selection: Selection): string {
  const q = new URLSearchParams({ account: selection.account, customer: selection.customer });
  if (selection.view !== "customer") q.set("view", selection.view);
  if (selection.view === "subscription") q.set("subscription", selection.subscription);
  if (selection.width !== 440) q.set("width", String(selection.width));
  if (selection.sandbox) q.set("sandbox", "1");
  return `?${q}`;
}
