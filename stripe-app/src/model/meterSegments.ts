/** A MeterChart segment (ui/next): what the meter splits its total into. */
export type MeterSegment = { label: string; value: number };

/**
 * Usage against a limit: used and remaining, or, past the limit, the limit and the excess
 * (a meter's total is the sum of its segments, so the excess has to be a segment). The
 * SDK's MeterChart takes no colours, so the excess says what it is in its own label ("Over
 * the limit", its amount beside it in the legend): it cannot be read as "Remaining".
 */
export function usageSegments(usage: number, limit: number): MeterSegment[] {
  const used = Math.max(0, usage);
  if (used > limit) {
    return [
      { label: "Up to the limit", value: limit },
      { label: "Over the limit", value: used - limit },
    ];
  }
  return [
    { label: "Used", value: used },
    { label: "Remaining", value: limit - used },
  ];
}

/** Credits: what remains of the total granted, and what was consumed (the words of the row). */
export function creditSegments(balance: number, granted: number): MeterSegment[] {
  const remaining = Math.min(Math.max(0, balance), Math.max(0, granted));
  return [
    { label: "Remaining", value: remaining },
    { label: "Consumed", value: Math.max(0, granted) - remaining },
  ];
}
