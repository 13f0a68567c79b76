// The two halves of the remote-ui bridge between the preview page (standing in for the
// Stripe Dashboard) and the sandboxed frame that runs the extension. Type-only: each side
// is bundled separately and they meet over `@remote-ui/rpc` messages.
import type { RemoteChannel } from "@remote-ui/core";

/** Serializable stand-in for the SDK's `ExtensionContextValue` (what the view gets as props). */
export interface ContextProps {
  userContext: {
    id: string;
    name: string;
    account: { id: string; country: string; name: string; isSandbox: boolean };
    locale: string;
    roles: { id: string; name: string; type: "builtIn" }[];
  };
  environment: {
    mode: "test" | "live";
    viewportID: string;
    /** Absent on pages about no object (the app's settings). */
    objectContext?: { id: string; object: string };
    constants: Record<string, unknown>;
    queryParams: Record<string, string>;
  };
  appContext: {
    authorizedPermissions: string[];
    authorizedContentSecurityPolicy: { connectSrc: string[] | null; imageSrc: string[] | null };
  };
}

// Type aliases, not interfaces: @remote-ui/rpc's `expose` takes an index-signature type.
/** What the sandbox exposes to the page. */
export type SandboxApi = {
  render(channel: RemoteChannel, props: ContextProps): void;
};

export interface ToastHandle {
  update(message: string, options?: unknown): void;
  dismiss(): void;
}

/** The Dashboard platform calls the SDK makes (`getHostEndpoint().call.*`), plus error relay. */
export type PlatformApi = {
  supportsFetchAppEmbeddedKey(): Promise<boolean>;
  fetchStripeSignature(additionalPayload?: Record<string, string | number | boolean>): Promise<string>;
  showToast(message: string, options?: { type?: string; action?: string }): Promise<ToastHandle>;
  refreshDashboardData(): Promise<void>;
  clipboardWriteText(text: string): Promise<void>;
  navigateToDashboardRoute(route: unknown): Promise<void>;
  isSourceInAuthorizedCSP(source: string): Promise<boolean>;
  getUserAuthorizedPermissions(): Promise<string[]>;
  isPermissionAuthorized(permission: string): Promise<boolean>;
  stripeApiFetch(path: string, options?: unknown): Promise<never>;
  createOAuthState(state?: unknown): Promise<never>;
  fetchAppEmbeddedKey(): Promise<never>;
  /** Uncaught errors inside the sandbox, so the page can show them instead of a blank drawer. */
  reportSandboxError(message: string): void;
};
