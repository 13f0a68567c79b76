import { describeApiError } from "../api/apiError";
import { useDrawerEnvironment } from "./DrawerEnvironment";
import { FailureView } from "./FailureView";
import { NotFoundView } from "./NotFoundView";

/** A failed first load: "customer not found" is an answer, anything else a failure. */
export function ApiErrorView({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  const { stiggAppUrl, stripeCustomerId } = useDrawerEnvironment();
  const failure = describeApiError(error);
  if (failure.code === "NOT_FOUND") {
    return <NotFoundView stiggUrl={failure.stiggUrl ?? stiggAppUrl} stripeCustomerId={stripeCustomerId} />;
  }
  return (
    <FailureView
      message={failure.message}
      correlationId={failure.correlationId}
      stiggUrl={stiggAppUrl}
      // The same malformed id would be refused again: no Retry that cannot help.
      onRetry={failure.code === "BAD_REQUEST" ? undefined : onRetry}
      retrying={retrying}
    />
  );
}
