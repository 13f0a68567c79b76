import { invoke } from "../events";

// ui/next's MeterChart: one horizontal bar split into its segments (in data order), and
// a legend with each segment's value. The SDK gives it no colours; the Dashboard's come
// from its palette, as here.
type Segment = { label: string; value: number } & Record<string, unknown>;
type UnitFormat =
  | { unit: "currency"; options: { currency: string } }
  | { unit: "percent"; options: { signDisplay?: "always" | "auto" | "never" | "exceptZero" } }
  | { unit: "number"; options: Record<string, never> }
  | { unit: "none" };

const PALETTE = ["#635bff", "#c1c9d2", "#e5850b", "#1ea672", "#c0123c", "#0073e6"];

// Built once per unit format: every bar of a drawer formats its segments on each render,
// and building a NumberFormat costs far more than using one.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  const format = formats.get(key) ?? new Intl.NumberFormat("en-US", options);
  formats.set(key, format);
  return format;
}

function format(value: number, unitFormat: UnitFormat | undefined): string {
  switch (unitFormat?.unit) {
    case "currency":
      return numberFormat({ style: "currency", currency: unitFormat.options.currency }).format(value);
    case "percent":
      return numberFormat({ style: "percent", signDisplay: unitFormat.options.signDisplay }).format(value);
    case "none":
      return "";
    default:
      return numberFormat({}).format(value);
  }
}

export function MeterChart({
  data,
  legendEnabled,
  unitFormat,
  onSegmentClick,
}: {
  data?: Segment[];
  legendEnabled?: boolean;
  unitFormat?: UnitFormat;
  onSegmentClick?: (payload: { eventType: string; data: Segment | null }) => void;
}) {
  const all = data ?? [];
  const total = all.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  const click = (eventType: string, segment: Segment) => onSegmentClick && invoke(onSegmentClick, { eventType, data: segment });
  const summary = all.map((s) => `${s.label} ${format(s.value, unitFormat)}`.trim()).join(", ");
  return (
    <figure className="sdk-meter" data-chart="meter" aria-label={summary}>
      <div className="sdk-meter__bar" role="img" aria-label={summary}>
        {all.map((s, i) => s.value > 0 && (
          <span
            key={`${s.label}-${i}`}
            className="sdk-meter__segment"
            data-segment={s.label}
            title={`${s.label}: ${format(s.value, unitFormat)}`}
            style={{ width: `${(s.value / total) * 100}%`, background: PALETTE[i % PALETTE.length] }}
            onClick={() => click("meter.segment.click", s)}
          />
        ))}
      </div>
      {legendEnabled && (
        <figcaption className="sdk-meter__legend">
          {all.map((s, i) => {
            const entry = (
              <>
                <i style={{ background: PALETTE[i % PALETTE.length] }} /> {s.label}
                {unitFormat?.unit !== "none" && <strong> {format(s.value, unitFormat)}</strong>}
              </>
            );
            // The SDK's MeterChart makes its legend clickable through `onSegmentClick` ("Called
            // when a meter segment or legend item is clicked", ui/next.d.ts): without one, a
            // legend item is text, not a tab stop that does nothing.
            return onSegmentClick ? (
              <button key={`${s.label}-${i}`} type="button" onClick={() => click("meter.legend.click", s)}>
                {entry}
              </button>
            ) : (
              <span key={`${s.label}-${i}`}>{entry}</span>
            );
          })}
        </figcaption>
      )}
    </figure>
  );
}
