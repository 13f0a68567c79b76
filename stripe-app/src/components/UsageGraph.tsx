import { Box, Icon, Inline, Spinner } from "@stripe/ui-extension-sdk/ui";
import { LineChart } from "@stripe/ui-extension-sdk/ui/next";
import { useQuery } from "@tanstack/react-query";
import type { MeteredEntitlement } from "@/contract";
import { useTRPC } from "../api/trpc";
import { formatDate } from "../format/dates";
import { formatNumber } from "../format/numbers";
import { usageChartData } from "../model/usageChart";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";
import { RequestFailure } from "./RequestFailure";

/**
 * Usage over the whole current billing period, with the limit: accumulated for `events`
 * meters (continued to the period's end by the projection, as the SDK's forecast), the
 * daily reading for `usage` meters. Mounted only when the user opens it, so the series is
 * fetched only for the graphs someone looks at.
 */
export function UsageGraph({ entitlement }: { entitlement: MeteredEntitlement }) {
  const { stripeCustomerId, locale } = useDrawerEnvironment();
  const trpc = useTRPC();
  const series = useQuery(trpc.getUsageSeries.queryOptions({ stripeCustomerId, featureId: entitlement.id }));

  if (series.isPending) return <Spinner size="small" />;
  if (series.isError) return <RequestFailure what="Usage could not be loaded." error={series.error} />;

  const { points, from, to } = series.data;
  const data = usageChartData(entitlement, series.data, new Date(), (n) => formatNumber(n, locale));
  // A forecast is drawn only over a line; an empty graph has neither, nor their caption.
  const forecast = points.length > 0 && data.some((p) => p.period === "forecast");
  return (
    <Box css={{ stack: "y", gapY: "xsmall" }}>
      <Inline css={{ font: "caption", color: "secondary" }}>
        {`Usage from ${formatDate(from, locale)} to ${formatDate(to, locale)}${entitlement.meterKind === "events" ? ", accumulated" : ""}`}
      </Inline>
      {points.length === 0 ? (
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
      ) : (
        <LineChart data={data} />
      )}
      {forecast && (
        <Inline css={{ font: "caption", color: "secondary" }}>
          The forecast continues this period&apos;s run rate to its end (estimate).
        </Inline>
      )}
    </Box>
  );
}
