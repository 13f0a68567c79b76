import { Badge, Box } from "@stripe/ui-extension-sdk/ui";
import { MeterChart } from "@stripe/ui-extension-sdk/ui/next";
import type { MeterSegment } from "../model/meterSegments";
import type { UsageLevel } from "../model/usageLevel";

// MeterChart (SDK ui/next) draws the proportions but takes no colours, so how close the
// meter is to its end is said by the badge beside it: amber from 80 %, red at 100 %, and
// past the limit the SDK's loudest badge ("urgent", solid red), which says so in words.
const LEVEL_BADGE = {
  normal: "neutral",
  warning: "warning",
  critical: "negative",
  over: "urgent",
} as const satisfies Record<UsageLevel, string>;

export function UsageMeter({ segments, level, label }: { segments: MeterSegment[]; level: UsageLevel; label: string }) {
  return (
    <Box css={{ stack: "y", gapY: "xxsmall" }}>
      <Badge type={LEVEL_BADGE[level]}>{level === "over" ? `${label} · over the limit` : label}</Badge>
      <MeterChart data={segments} legendEnabled unitFormat={{ unit: "number", options: {} }} />
    </Box>
  );
}
