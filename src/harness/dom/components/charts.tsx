import { useId, useState } from "react";

// LineChart, BarChart and Sparkline as real SVG charts. The SDK's channel props name
// the data fields to plot (`x="date"`, or `{value: "date", label: …}`); `color`/`z` split
// the data into series.
type Datum = Record<string, unknown>;
type ChannelProp = string | number | { value?: string | number; label?: string } | undefined;

interface ChartProps {
  data: Datum[];
  x: ChannelProp;
  y: ChannelProp;
  color?: ChannelProp;
  z?: ChannelProp;
  axis?: "x" | "y" | "both" | "none";
  grid?: "x" | "y" | "both" | "none";
  legend?: boolean;
  tooltip?: boolean;
}

const PALETTE = ["#635bff", "#0073e6", "#e5850b", "#1ea672", "#c0123c", "#8d7ffa"];
const W = 360;
const PAD = { top: 8, right: 8, bottom: 22, left: 40 };

function field(channel: ChannelProp): string | number | undefined {
  return typeof channel === "object" ? channel.value : channel;
}

function label(channel: ChannelProp): string | undefined {
  return typeof channel === "object" ? channel.label : typeof channel === "string" ? channel : undefined;
}

/** Numbers as they are; dates (Date or ISO string) as epoch ms; anything else by position. */
function numeric(v: unknown, index: number): { n: number; time: boolean } {
  if (typeof v === "number") return { n: v, time: false };
  if (v instanceof Date) return { n: v.getTime(), time: true };
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v))) return { n: Date.parse(v), time: true };
  return { n: index, time: false };
}

function tick(v: number, time: boolean): string {
  if (time) return new Date(v).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  return Math.abs(v) >= 1000 ? new Intl.NumberFormat("en-US", { notation: "compact" }).format(v) : String(Math.round(v * 100) / 100);
}

/** A series whose name ends so is drawn dashed in its base series' colour (ui/next forecasts). */
export const FORECAST_SUFFIX = " (forecast)";

type Point = { x: number; y: number | null; label: string };

function series(props: ChartProps) {
  const xf = field(props.x);
  const yf = field(props.y);
  const gf = field(props.color) ?? field(props.z);
  const groups = new Map<string, Point[]>();
  (props.data ?? []).forEach((d, i) => {
    const raw = xf === undefined ? i : d[xf];
    const xv = numeric(raw, i);
    const rawY = yf === undefined ? 0 : d[yf];
    // A null y (ui/next) is a gap: it stretches the axis but is not drawn.
    const yv = rawY === null ? null : Number(rawY);
    const key = gf === undefined ? "" : String(d[gf]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ x: xv.n, y: yv === null || Number.isFinite(yv) ? yv : 0, label: xv.time ? tick(xv.n, true) : String(raw) });
  });
  return { groups: [...groups.entries()] };
}

/** Colours by base series, so "Usage" and "Usage (forecast)" share one. */
function colourOf(groups: [string, Point[]][]) {
  const bases = [...new Set(groups.map(([key]) => key.replace(FORECAST_SUFFIX, "")))];
  return (key: string) => PALETTE[bases.indexOf(key.replace(FORECAST_SUFFIX, "")) % PALETTE.length];
}

function Chart({ kind, height, props, chrome }: { kind: "line" | "bar" | "sparkline"; height: number; props: ChartProps; chrome: boolean }) {
  const titleId = useId();
  const [hover, setHover] = useState<string | null>(null);
  const { groups } = series(props);
  const colour = colourOf(groups);
  const points = groups.flatMap(([, pts]) => pts);
  const drawn = points.filter((p): p is Point & { y: number } => p.y !== null);
  const pad = chrome ? PAD : { top: 2, right: 2, bottom: 2, left: 2 };
  const name = `${label(props.y) ?? "value"} by ${label(props.x) ?? "x"}`;
  if (drawn.length === 0) {
    return (
      <figure className={`sdk-chart sdk-chart--${kind} sdk-chart--empty`} data-chart={kind} aria-label={name}>
        <svg viewBox={`0 0 ${W} ${height}`} width="100%" height={height} role="img" aria-labelledby={titleId}>
          <title id={titleId}>{name}: no data</title>
          <rect x={pad.left} y={pad.top} width={W - pad.left - pad.right} height={height - pad.top - pad.bottom} fill="#f6f8fa" />
        </svg>
        <figcaption className="sdk-chart__empty">No data</figcaption>
      </figure>
    );
  }
  const xs = points.map((p) => p.x);
  const ys = drawn.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys, 1)];
  const barWidth = Math.max(2, ((W - pad.left - pad.right) / Math.max(1, new Set(xs).size)) * 0.7);
  // Bars are centred on their x: inset the range by half a bar so that the first and last
  // bars stay clear of the y axis' labels and the chart's edge.
  const inset = kind === "bar" ? barWidth / 2 + 2 : 0;
  const sx = (v: number) => pad.left + inset + ((v - x0) / (x1 - x0 || 1)) * (W - pad.left - pad.right - 2 * inset);
  const sy = (v: number) => height - pad.bottom - ((v - y0) / (y1 - y0 || 1)) * (height - pad.top - pad.bottom);
  const axis = chrome ? (props.axis ?? "both") : "none";
  const grid = chrome ? (props.grid ?? "y") : "none";
  return (
    <figure className={`sdk-chart sdk-chart--${kind}`} data-chart={kind} aria-label={name}>
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" height={height} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{name}</title>
        {(grid === "y" || grid === "both") &&
          [0, 0.5, 1].map((f) => <line key={f} x1={pad.left} x2={W - pad.right} y1={sy(y0 + f * (y1 - y0))} y2={sy(y0 + f * (y1 - y0))} stroke="#ebeef1" />)}
        {(axis === "y" || axis === "both") &&
          [y0, y1].map((v) => (
            <text key={v} data-axis="y" x={pad.left - 4} y={sy(v) + 4} textAnchor="end" fontSize={10} fill="#6c7688">
              {tick(v, false)}
            </text>
          ))}
        {(axis === "x" || axis === "both") &&
          [x0, x1].map((v, i) => (
            <text key={i} data-axis="x" x={sx(v)} y={height - 6} textAnchor={i === 0 ? "start" : "end"} fontSize={10} fill="#6c7688">
              {points.find((p) => p.x === v)?.label}
            </text>
          ))}
        {/* Drawn last series first, so the first (the data's own, e.g. usage) lies above the
            ones after it (a limit) where they meet; the legend keeps the data's order. */}
        {[...groups].reverse().map(([key, all]) => {
          const fill = colour(key);
          const dashed = key.endsWith(FORECAST_SUFFIX);
          const pts = all.filter((p): p is Point & { y: number } => p.y !== null);
          if (kind === "bar") {
            return pts.map((p, i) => (
              <rect key={`${key}-${i}`} data-series={key} x={sx(p.x) - barWidth / 2} y={sy(Math.max(0, p.y))} width={barWidth} height={Math.abs(sy(0) - sy(p.y))} fill={dashed ? "none" : fill} stroke={dashed ? fill : undefined} strokeDasharray={dashed ? "3 2" : undefined} onMouseEnter={() => setHover(`${p.label}: ${p.y}`)} onMouseLeave={() => setHover(null)} />
            ));
          }
          const sorted = [...pts].sort((a, b) => a.x - b.x);
          return (
            <g key={key} data-series={key}>
              <polyline fill="none" stroke={fill} strokeWidth={kind === "sparkline" ? 1.5 : 2} strokeDasharray={dashed ? "5 4" : undefined} points={sorted.map((p) => `${sx(p.x)},${sy(p.y)}`).join(" ")} />
              {chrome &&
                sorted.map((p, i) => (
                  <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r={6} fill="transparent" onMouseEnter={() => setHover(`${key ? `${key} · ` : ""}${p.label}: ${p.y}`)} onMouseLeave={() => setHover(null)} />
                ))}
            </g>
          );
        })}
      </svg>
      {props.tooltip !== false && hover && <div className="sdk-chart__tooltip">{hover}</div>}
      {chrome && props.legend !== false && groups.length > 1 && (
        <figcaption className="sdk-chart__legend">
          {groups.map(([key]) => (
            <span key={key}>
              <i style={{ background: colour(key) }} /> {key}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

export type { ChartProps };
export const LineChart = (props: ChartProps) => <Chart kind="line" height={160} props={props} chrome />;
export const BarChart = (props: ChartProps) => <Chart kind="bar" height={160} props={props} chrome />;
export const Sparkline = (props: ChartProps) => <Chart kind="sparkline" height={32} props={props} chrome={false} />;
