import { Box, Button, Icon, Inline } from "@stripe/ui-extension-sdk/ui";
import { formatDateTime } from "../format/dates";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";

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
      <Button size="small" type="secondary" pending={refreshing} onPress={onRefresh}>
        <Icon name="refresh" size="xsmall" />
      </Button>
    </Box>
  );
}
