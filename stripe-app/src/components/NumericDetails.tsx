import { Inline } from "@stripe/ui-extension-sdk/ui";
import type { NumericEntitlement } from "@/contract";
import { numericValueText } from "../format/numericValue";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";

export function NumericDetails({ entitlement }: { entitlement: NumericEntitlement }) {
  const { locale } = useDrawerEnvironment();
  return <Inline>{numericValueText(entitlement, locale)}</Inline>;
}
