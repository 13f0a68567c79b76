import { Badge } from "@stripe/ui-extension-sdk/ui";
import type { BooleanEntitlement } from "@/contract";

export function BooleanDetails({ entitlement }: { entitlement: BooleanEntitlement }) {
  return entitlement.enabled ? <Badge type="positive">Enabled</Badge> : <Badge type="neutral">Disabled</Badge>;
}
