import { Box, Button, Icon, Inline, Tooltip } from "@stripe/ui-extension-sdk/ui";
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
      <Inline css={{ font: "caption", color: "secondary" }}>
        {`Last refresh on ${formatDateTime(fetchedAt, locale)}`}
      </Inline>
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
