import { Box, Button, Icon, Inline, Spinner, Tooltip } from "@stripe/ui-extension-sdk/ui";
import { formatDateTime } from "../format/dates";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";

export const REFRESH_LABEL = "Refresh";

/** When the source was last read, and the icon that reads it again. */
export function LastRefresh({
  fetchedAt,
  refreshing,
  onRefresh,
}: {
  fetchedAt: string;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { locale } = useDrawerEnvironment();
  return (
    <Box css={{ stack: "x", distribute: "space-between", alignY: "center", gapX: "small" }}>
      <Box css={{ stack: "x", gapX: "xsmall", alignY: "center" }}>
        <Inline css={{ font: "caption", color: "secondary" }}>
          {`Last refresh on ${formatDateTime(fetchedAt, locale)}`}
        </Inline>
        {/* Said in words, not only by the button greying: the whole drawer is being read again. */}
        {refreshing && (
          <Box css={{ stack: "x", gapX: "xxsmall", alignY: "center" }}>
            <Spinner size="small" />
            <Inline css={{ font: "caption", color: "secondary" }}>Refreshing…</Inline>
          </Box>
        )}
      </Box>
      {/* Icon-only: a label tooltip is the SDK's way to give the button its accessible name. */}
      <Tooltip
        type="label"
        trigger={
          <Button size="small" type="secondary" pending={refreshing} onPress={onRefresh}>
            <Icon name="refresh" size="xsmall" />
          </Button>
        }
      >
        {REFRESH_LABEL}
      </Tooltip>
    </Box>
  );
}
