import { Inline } from "@stripe/ui-extension-sdk/ui";
import type { CreditsEntitlement } from "@/contract";
import { creditsBalanceText, creditsConsumedText } from "../format/creditsBalance";
import { formatPercent } from "../format/numbers";
import { creditLevel, remainingRatio } from "../model/creditLevel";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";
import { UsageBar } from "./UsageBar";

/** Balance against what was granted; the bar shows what is left. */
export function CreditsDetails({ entitlement }: { entitlement: CreditsEntitlement }) {
  const { locale } = useDrawerEnvironment();
  const { currentBalance, totalGranted } = entitlement;
  const remaining = remainingRatio(currentBalance, totalGranted);
  return (
    <>
      <Inline>{creditsBalanceText(entitlement, locale)}</Inline>
      <UsageBar
        ratio={remaining}
        level={creditLevel(currentBalance, totalGranted)}
        label={`${formatPercent(remaining, locale)} left`}
      />
      <Inline css={{ font: "caption", color: "secondary" }}>{creditsConsumedText(entitlement, locale)}</Inline>
    </>
  );
}
