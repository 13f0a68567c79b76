import manifest from "harness:manifest";
import type { ContextProps } from "./api";

export const VIEWPORT = "stripe.dashboard.customer.detail";

/** The page the app is opened on: its viewport and, but on the settings page, its object. */
export interface OpenedOn {
  viewport: string;
  object?: { id: string; object: string };
  /** The account is a Stripe sandbox (`userContext.account.isSandbox`). */
  sandbox?: boolean;
}
export const PREVIEW_USER_ID = "usr_DemoPreview";

/** The manifest's API_BASE with this host's origin: the drawer must call the host it runs on. */
export function rebase(url: unknown, origin: string): string {
  if (typeof url !== "string" || url === "") return origin;
  try {
    const parsed = new URL(url);
    return `${origin}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return origin;
  }
}

/** The props the Dashboard gives a view, for the chosen account and page (a customer's by default). */
export function contextProps(
  accountId: string,
  customerId: string,
  origin: string,
  on: OpenedOn = { viewport: VIEWPORT, object: { id: customerId, object: "customer" } },
): ContextProps {
  const csp = manifest.ui_extension?.content_security_policy ?? {};
  return {
    userContext: {
      id: PREVIEW_USER_ID,
      name: "Preview User",
      account: { id: accountId, country: "US", name: on.sandbox ? "Preview sandbox" : "Preview account", isSandbox: on.sandbox ?? false },
      locale: "en-US",
      roles: [{ id: "admin", name: "Administrator", type: "builtIn" }],
    },
    environment: {
      mode: "test",
      viewportID: on.viewport,
      ...(on.object ? { objectContext: on.object } : {}),
      constants: { ...manifest.constants, API_BASE: rebase(manifest.constants?.API_BASE, origin) },
      queryParams: {},
    },
    appContext: {
      authorizedPermissions: (manifest.permissions ?? []).map((p) => p.permission),
      authorizedContentSecurityPolicy: {
        connectSrc: (csp["connect-src"] ?? []).map((src) => rebase(src, origin)),
        imageSrc: csp["image-src"] ?? null,
      },
    },
  };
}
