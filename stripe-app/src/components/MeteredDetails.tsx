import { Button, Inline } from "@stripe/ui-extension-sdk/ui";
import { useState } from "react";
import type { MeteredEntitlement } from "@/contract";
import { meteredUsageText } from "../format/meteredUsage";
import { formatPercent } from "../format/numbers";
import { projectionText } from "../format/projection";
import { resetText } from "../format/resetText";
import { usageLevel, usageRatio } from "../model/usageLevel";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";
import { usageSegments } from "../model/meterSegments";
import { UsageMeter } from "./UsageMeter";
import { UsageGraph } from "./UsageGraph";

/** Usage against the limit, how close it is, and (on demand) the period's usage graph. */
export function MeteredDetails({ entitlement }: { entitlement: MeteredEntitlement }) {
  const { locale } = useDrawerEnvironment();
  const [graphShown, setGraphShown] = useState(false);
  const { currentUsage, usageLimit, unlimited, softLimit } = entitlement;
  const limit = unlimited ? null : usageLimit;
  const overLimit = limit !== null && currentUsage > limit;
  const projection = projectionText(entitlement, locale);
  const resets = resetText(entitlement, locale);

  return (
    <>
      <Inline>{meteredUsageText(entitlement, locale)}</Inline>
      {resets && <Inline css={{ font: "caption", color: "secondary" }}>{resets}</Inline>}
      {projection && <Inline css={{ font: "caption", color: "secondary" }}>{projection}</Inline>}
      {limit !== null && (
        <UsageMeter
          segments={usageSegments(currentUsage, limit)}
          level={usageLevel(currentUsage, limit)}
          label={formatPercent(usageRatio(currentUsage, limit), locale)}
        />
      )}
      {softLimit && (
        <Inline css={{ font: "caption", color: overLimit ? "critical" : "secondary" }}>
          {overLimit ? "Soft limit exceeded: usage above the limit is still allowed" : "Soft limit"}
        </Inline>
      )}
      <Button size="small" type="secondary" onPress={() => setGraphShown((shown) => !shown)}>
        {graphShown ? "Hide usage graph" : "Show usage graph"}
      </Button>
      {graphShown && <UsageGraph entitlement={entitlement} />}
    </>
  );
}
