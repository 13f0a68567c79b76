import { BarChart, Box, Icon, Inline, LineChart, Spinner } from "@stripe/ui-extension-sdk/ui";
import { useQuery } from "@tanstack/react-query";
import type { MeteredEntitlement } from "@/contract";
import { useTRPC } from "../api/trpc";
import { formatDate, formatDay } from "../format/dates";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";
import { RequestFailure } from "./RequestFailure";

/**
 * Daily usage over the current billing period. Mounted only when the user opens it, so
 * the series is fetched only for the graphs someone looks at. Chart data holds strings
 * and numbers only: it crosses the remote-ui boundary.
 */
export function UsageGraph({ entitlement }: { entitlement: MeteredEntitlement }) {
  const { stripeCustomerId, locale } = useDrawerEnvironment();
  const trpc = useTRPC();
  const series = useQuery(trpc.getUsageSeries.queryOptions({ stripeCustomerId, featureId: entitlement.id }));

  if (series.isPending) return <Spinner size="small" />;
  if (series.isError) return <RequestFailure what="Usage could not be loaded." error={series.error} />;

  const { points, from, to } = series.data;
  const data = points.map((p) => ({ day: formatDay(p.timestamp, locale), usage: p.value }));
  return (
    <Box css={{ stack: "y", gapY: "xsmall" }}>
      <Inline css={{ font: "caption", color: "secondary" }}>
        {`Usage from ${formatDate(from, locale)} to ${formatDate(to, locale)}`}
      </Inline>
      {data.length === 0 ? (
        <Box
          css={{
            stack: "y",
            alignX: "center",
            gapY: "xsmall",
            padding: "large",
            backgroundColor: "container",
            borderRadius: "medium",
          }}
        >
          <Icon name="barGraph" css={{ fill: "secondary" }} />
          <Inline css={{ color: "secondary" }}>No usage data for this billing period</Inline>
        </Box>
      ) : entitlement.meterKind === "events" ? (
        // Event meters sum each day's events: one bar per day.
        <BarChart data={data} x="day" y="usage" axis="both" grid="y" tooltip />
      ) : (
        // Usage meters report a level (seats, workspaces): a line through each day's reading.
        <LineChart data={data} x="day" y="usage" axis="both" grid="y" tooltip />
      )}
    </Box>
  );
}
