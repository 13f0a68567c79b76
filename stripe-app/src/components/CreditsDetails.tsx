import { Inline } from "@stripe/ui-extension-sdk/ui";
import type { CreditsEntitlement } from "@/contract";
import { creditsBalanceText, creditsConsumedText } from "../format/creditsBalance";
import { formatPercent } from "../format/numbers";
import { creditLevel, remainingRatio } from "../model/creditLevel";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";
import { creditSegments } from "../model/meterSegments";
import { UsageMeter } from "./UsageMeter";

/** Balance against what was granted; the meter shows what is left. */
export function CreditsDetails({ entitlement }: { entitlement: CreditsEntitlement }) {
  const { locale } = useDrawerEnvironment();
  const { currentBalance, totalGranted } = entitlement;
  const remaining = remainingRatio(currentBalance, totalGranted);
  return (
    <>
      <Inline>{creditsBalanceText(entitlement, locale)}</Inline>
      <UsageMeter
        segments={creditSegments(currentBalance, totalGranted)}
        level={creditLevel(currentBalance, totalGranted)}
        label={`${formatPercent(remaining, locale)} remaining`}
      />
      <Inline css={{ font: "caption", color: "secondary" }}>{creditsConsumedText(entitlement, locale)}</Inline>
    </>
  );
}
