import type { ContextProps, PlatformApi, ToastHandle } from "./api";

export interface DashboardEvents {
  toast(message: string, type?: string): void;
  sandboxError(message: string): void;
}

function unsupported(call: string): never {
  const message = `${call} is not available in the preview harness`;
  console.error(`[preview harness] ${message}`);
  throw new Error(message);
}

/**
 * The Dashboard's side of the platform calls, for one open drawer. Signatures come from
 * the host's sandbox-only signing route, which signs with the public demo secret only;
 * the page itself never holds a secret.
 */
export function dashboardPlatform(props: ContextProps, events: DashboardEvents): PlatformApi {
  const permissions = props.appContext.authorizedPermissions;
  const connectSrc = props.appContext.authorizedContentSecurityPolicy.connectSrc ?? [];
  const caller = { user_id: props.userContext.id, account_id: props.userContext.account.id };
  const sign = async (payload: Record<string, string | number | boolean>) => {
    const res = await fetch("/api/preview/sign", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    });
    if (!res.ok) throw new Error(`signing failed: HTTP ${res.status}`);
    return ((await res.json()) as { signature: string }).signature;
  };
  // The Dashboard signs within the page, with no round trip; the harness signs on its host,
  // so it asks for the drawer's first signature as the drawer opens, while the frame loads,
  // and hands it to the first plain request if that comes within a minute (Stripe's
  // tolerance is five). Every later one is signed when asked.
  let early: Promise<string | null> | undefined = sign(caller).catch(() => null);
  const earlyUntil = Date.now() + 60_000;
  return {
    // The SDK asks first; "no" makes it ask the Dashboard to sign instead of Stripe's API.
    async supportsFetchAppEmbeddedKey() {
      return false;
    },
    async fetchStripeSignature(additionalPayload = {}) {
      const prefetched = Object.keys(additionalPayload).length === 0 && Date.now() < earlyUntil ? early : undefined;
      early = undefined;
      if (prefetched) {
        const signature = await prefetched;
        if (signature) return signature;
      }
      return sign({ ...caller, ...additionalPayload });
    },
    async showToast(message, options) {
      console.info("[preview harness] toast", message, options);
      events.toast(message, options?.type);
      const handle: ToastHandle = {
        update: (next, nextOptions) => events.toast(next, (nextOptions as { type?: string } | undefined)?.type),
        dismiss: () => undefined,
      };
      return handle;
    },
    async refreshDashboardData() {
      console.info("[preview harness] refreshDashboardData");
    },
    async clipboardWriteText(text) {
      await navigator.clipboard?.writeText(text).catch(() => undefined);
    },
    async navigateToDashboardRoute(route) {
      console.info("[preview harness] navigateToDashboardRoute", route);
    },
    async isSourceInAuthorizedCSP(source) {
      return connectSrc.some((allowed) => source.startsWith(allowed));
    },
    async getUserAuthorizedPermissions() {
      return permissions;
    },
    async isPermissionAuthorized(permission) {
      return permissions.includes(permission);
    },
    async stripeApiFetch() {
      return unsupported("stripeApiFetch (Stripe API calls)");
    },
    async createOAuthState() {
      return unsupported("createOAuthState (Stripe-hosted OAuth)");
    },
    async fetchAppEmbeddedKey() {
      return unsupported("fetchAppEmbeddedKey");
    },
    reportSandboxError(message) {
      console.error(`[preview harness] error in the extension's sandbox: ${message}`);
      events.sandboxError(message);
    },
  };
}
