import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";

export interface AppConstants {
  /** The host's base URL; the view calls `${API_BASE}/api/trpc`. */
  apiBase: string | null;
  /** The Stigg app, for "View in Stigg" when there is no customer to link to. */
  stiggAppUrl: string;
}

// Stigg's web app; the manifest's STIGG_APP_URL overrides it (e.g. for a self-hosted Stigg).
const DEFAULT_STIGG_APP_URL = "https://app.stigg.io";

/** Reads the manifest's `constants` (delivered as `environment.constants`). */
export function readAppConstants(environment: ExtensionContextValue["environment"]): AppConstants {
  const constants = environment.constants;
  const record =
    constants && typeof constants === "object" && !Array.isArray(constants)
      ? (constants as Record<string, unknown>)
      : {};
  const text = (key: string) => {
    const value = record[key];
    return typeof value === "string" && value.length > 0 ? value : null;
  };
  return {
    apiBase: text("API_BASE"),
    stiggAppUrl: text("STIGG_APP_URL") ?? DEFAULT_STIGG_APP_URL,
  };
}
