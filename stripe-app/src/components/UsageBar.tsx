import { Box, Inline } from "@stripe/ui-extension-sdk/ui";
import type { UsageLevel } from "../model/usageLevel";

// The SDK has no progress bar and its Box backgrounds come in two neutral tones only,
// so the bar is a run of heavy line glyphs coloured with the SDK's text tokens:
// green, amber ("attention") or red ("critical").
const SEGMENTS = 20;
const GLYPH = "━";

const LEVEL_COLOR = {
  normal: "success",
  warning: "attention",
  critical: "critical",
} as const satisfies Record<UsageLevel, string>;

/** Whole segments for a ratio; only a full ratio fills the bar, any use shows one. */
export function filledSegments(ratio: number): number {
  if (ratio >= 1) return SEGMENTS;
  if (ratio <= 0) return 0;
  return Math.min(SEGMENTS - 1, Math.max(1, Math.round(ratio * SEGMENTS)));
}

export function UsageBar({ ratio, level, label }: { ratio: number; level: UsageLevel; label: string }) {
  const filled = filledSegments(ratio);
  return (
    <Box css={{ stack: "x", gapX: "small", alignY: "center" }}>
      <Box css={{ whiteSpace: "nowrap" }}>
        {filled > 0 && <Inline css={{ color: LEVEL_COLOR[level] }}>{GLYPH.repeat(filled)}</Inline>}
        {filled < SEGMENTS && <Inline css={{ color: "disabled" }}>{GLYPH.repeat(SEGMENTS - filled)}</Inline>}
      </Box>
      {/* The label carries the colour too: an empty bar (no credits left) has no fill to colour. */}
      <Inline css={{ font: "caption", color: level === "normal" ? "secondary" : LEVEL_COLOR[level] }}>{label}</Inline>
    </Box>
  );
}
