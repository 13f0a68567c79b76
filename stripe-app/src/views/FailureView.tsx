import { Box, Button, Inline, Link } from "@stripe/ui-extension-sdk/ui";

/** "App Failed to Load": what went wrong, the id support asks for, and a way out. */
export function FailureView({
  message,
  correlationId,
  stiggUrl,
  onRetry,
  retrying = false,
}: {
  message: string;
  correlationId: string | null;
  stiggUrl: string;
  /** Absent when retrying cannot help (the app is misconfigured). */
  onRetry?: () => void;
  retrying?: boolean;
}) {
  return (
    <Box css={{ stack: "y", alignX: "center", gapY: "medium", padding: "large" }}>
      <Inline css={{ font: "heading" }}>App Failed to Load</Inline>
      <Inline css={{ color: "secondary", textAlign: "center" }}>{message}</Inline>
      {correlationId && (
        <Inline css={{ font: "caption", color: "secondary" }}>{`Correlation ID: ${correlationId}`}</Inline>
      )}
      <Box css={{ stack: "x", gapX: "medium", alignY: "center" }}>
        {onRetry && (
          <Button type="primary" pending={retrying} onPress={onRetry}>
            Retry
          </Button>
        )}
        <Link href={stiggUrl} target="_blank" external>
          View in Stigg
        </Link>
      </Box>
    </Box>
  );
}
