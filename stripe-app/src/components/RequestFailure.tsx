import { Inline } from "@stripe/ui-extension-sdk/ui";
import { describeApiError } from "../api/apiError";

/**
 * A failed call in part of the drawer: what failed, why when it was a read of Stigg (rate
 * limited, no answer), and the id support needs.
 */
export function RequestFailure({ what, error }: { what: string; error: unknown }) {
  const { correlationId, failure, message } = describeApiError(error);
  const said = failure ? `${what} ${message}` : what;
  return (
    <Inline css={{ font: "caption", color: "critical" }}>
      {correlationId ? `${said} Correlation ID: ${correlationId}` : said}
    </Inline>
  );
}
