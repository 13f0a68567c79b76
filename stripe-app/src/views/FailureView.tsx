import { Box, Button, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import { KEY_REJECTED_RETRY, KEY_REJECTED_TITLE } from "../model/failureNotice";

/**
 * "App Failed to Load": what went wrong, the id support asks for, and a way out. A key that
 * no longer opens the account is no failure to load: its own title, and the host's words
 * on linking again before a retry can help.
 */
export function FailureView({
  message,
  correlationId,
  stiggUrl,
  onRetry,
  retrying = false,
  keyRejected = false,
}: {
  message: string;
  correlationId: string | null;
  /** "View in Stigg"; null where there is no Stigg to view (a Stripe Billing workspace). */
  stiggUrl: string | null;
  /** Absent when retrying cannot help (the app is misconfigured). */
  onRetry?: () => void;
  retrying?: boolean;
  keyRejected?: boolean;
}) {
  return (
    <Box css={{ stack: "y", alignX: "center", gapY: "medium", padding: "large" }}>
      <Inline css={{ font: "heading" }}>{keyRejected ? KEY_REJECTED_TITLE : "App Failed to Load"}</Inline>
      <Inline css={{ color: "secondary", textAlign: "center" }}>{message}</Inline>
      {correlationId && (
        <Inline css={{ font: "caption", color: "secondary" }}>{`Correlation ID: ${correlationId}`}</Inline>
      )}
      <Box css={{ stack: "x", gapX: "medium", alignY: "center" }}>
        {onRetry && (
          <Button type={keyRejected ? "secondary" : "primary"} pending={retrying} onPress={onRetry}>
            {keyRejected ? KEY_REJECTED_RETRY : "Retry"}
          </Button>
        )}
        {stiggUrl && (
          <Link href={stiggUrl} target="_blank" external>
            View in Stigg
          </Link>
        )}
      </Box>
    </Box>
  );
}
