import { BarChart as ChannelBarChart, FORECAST_SUFFIX, LineChart as ChannelLineChart, Sparkline } from "./charts";

// The `@stripe/ui-extension-sdk/ui/next` charts. Their data rows name their own fields
// (`{x, y, name}`, plus `period`, `forecast`, `status` or `compare`) instead of the `ui`
// charts' channel props; they are drawn by the same SVG charts, one series per name, with
// forecast and incomplete parts dashed.
type Row = {
  x: Date | number | string;
  y: number | null;
  name?: string;
  period?: "actual" | "forecast";
  forecast?: number;
  status?: "incomplete" | "complete";
  compare?: "current" | "previous";
};

function channelData(data: Row[] | undefined): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const r of data ?? []) {
    const name = r.name ?? (r.compare === "previous" ? "Previous period" : "");
    const provisional = r.period === "forecast" || r.status === "incomplete";
    rows.push({ x: r.x, y: r.y, series: provisional ? `${name}${FORECAST_SUFFIX}` : name });
    // A bar's `forecast` is its expected final value, drawn as a dashed bar behind it.
    if (r.forecast !== undefined) rows.push({ x: r.x, y: r.forecast, series: `${name}${FORECAST_SUFFIX}` });
  }
  return rows;
}

const channels = { x: "x", y: "y", color: "series", axis: "both", grid: "y" } as const;

export const NextLineChart = ({ data }: { data?: Row[] }) => <ChannelLineChart data={channelData(data)} {...channels} />;
export const NextBarChart = ({ data }: { data?: Row[] }) => <ChannelBarChart data={channelData(data)} {...channels} />;
export const NextSparkLineChart = ({ data }: { data?: Row[] }) => <Sparkline data={channelData(data)} {...channels} />;
