import { Icon, type IconProps, Tooltip } from "@stripe/ui-extension-sdk/ui";
import { type EntitlementKind, STRIPE_BILLING_USAGE_LAG } from "@/contract";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";

const ENTITLEMENT_ICON: Record<EntitlementKind, IconProps["name"]> = {
  metered: "usage",
  boolean: "flag",
  numeric: "settings",
  credits: "wallet",
};

/** Both meter kinds (events and usage) are explained the same way; other kinds need no tooltip. */
export const METERED_TOOLTIP =
  "Customer usage is determined by aggregation of reported events. Entitlement enforcement is near real-time.";

export function EntitlementIcon({ kind }: { kind: EntitlementKind }) {
  const { workspaceKind } = useDrawerEnvironment();
  const icon = <Icon name={ENTITLEMENT_ICON[kind]} size="small" />;
  if (kind !== "metered") return icon;
  return (
    <Tooltip type="description" placement="top" trigger={icon}>
      {/* Stripe's meter event summaries are not real time: its users are told so. */}
      {workspaceKind === "stripe_billing" ? `${METERED_TOOLTIP} ${STRIPE_BILLING_USAGE_LAG}` : METERED_TOOLTIP}
    </Tooltip>
  );
}
