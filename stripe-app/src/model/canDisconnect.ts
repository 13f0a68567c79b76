import type { ExtensionContextValue } from "@stripe/ui-extension-sdk/context";

/** Dashboard roles that may remove the app's link. */
const ROLES = new Set(["admin", "super_admin", "developer"]);

/**
 * Whether to offer "Disconnect". The Dashboard's roles reach the view only, never the host
 * (nothing signs them), so this is the UI's courtesy, not an access control.
 */
export function canDisconnect(userContext: ExtensionContextValue["userContext"]): boolean {
  return (userContext.roles ?? []).some((role) => role.id !== undefined && ROLES.has(role.id));
}
