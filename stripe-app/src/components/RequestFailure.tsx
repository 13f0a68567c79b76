import { Inline } from "@stripe/ui-extension-sdk/ui";
import { describeApiError } from "../api/apiError";

/** A failed call in part of the drawer: what failed, with the id support needs. */
export function RequestFailure({ what, error }: { what: string; error: unknown }) {
  const { correlationId } = describeApiError(error);
  return (
    <Inline css={{ font: "caption", color: "critical" }}>
      {correlationId ? `${what} Correlation ID: ${correlationId}` : what}
    </Inline>
  );
}
