import { Banner, Box, Button, Inline } from "@stripe/ui-extension-sdk/ui";
import { type FailureNotice, KEY_REJECTED_RETRY } from "../model/failureNotice";

/**
 * A non-blocking notice in the section whose read failed: the rest of the drawer stays
 * usable, and Retry asks again for this section only.
 */
export function PartFailureNotice({
  notice,
  onRetry,
  retrying = false,
}: {
  notice: FailureNotice;
  onRetry: () => void;
  /** A failed part's Retry while its data stays on screen; a failed call shows a spinner instead. */
  retrying?: boolean;
}) {
  return (
    <Banner
      type={notice.code === "RATE_LIMITED" ? "caution" : "critical"}
      title={notice.title}
      description={
        <Box css={{ stack: "y", gapY: "xsmall" }}>
          <Inline>{notice.message}</Inline>
          {notice.correlationId && (
            <Inline css={{ font: "caption", color: "secondary" }}>{`Correlation ID: ${notice.correlationId}`}</Inline>
          )}
        </Box>
      }
      actions={
        <Button size="small" pending={retrying} onPress={onRetry}>
          {notice.code === "KEY_REJECTED" ? KEY_REJECTED_RETRY : "Retry"}
        </Button>
      }
    />
  );
}
