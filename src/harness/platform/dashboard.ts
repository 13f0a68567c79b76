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
  return {
    // The SDK asks first; "no" makes it ask the Dashboard to sign instead of Stripe's API.
    async supportsFetchAppEmbeddedKey() {
      return false;
    },
    async fetchStripeSignature(additionalPayload = {}) {
      const res = await fetch("/api/preview/sign", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user_id: props.userContext.id, account_id: props.userContext.account.id, ...additionalPayload }),
      });
      if (!res.ok) throw new Error(`signing failed: HTTP ${res.status}`);
      return ((await res.json()) as { signature: string }).signature;
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
