import { describeApiError } from "../api/apiError";
import { linksToStigg } from "../model/sourceWords";
import { useDrawerEnvironment } from "./DrawerEnvironment";
import { FailureView } from "./FailureView";
import { NotFoundView } from "./NotFoundView";

/**
 * A failed first load: "customer not found" is an answer, anything else a failure. Its words
 * follow the linked workspace's kind, which the host puts in the error (nothing else has
 * answered yet).
 */
export function ApiErrorView({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  const environment = useDrawerEnvironment();
  const { stiggAppUrl, stripeCustomerId } = environment;
  const failure = describeApiError(error);
  const workspaceKind = failure.workspaceKind ?? environment.workspaceKind;
  if (failure.code === "NOT_FOUND") {
    return <NotFoundView stiggUrl={failure.stiggUrl ?? stiggAppUrl} stripeCustomerId={stripeCustomerId} workspaceKind={workspaceKind} />;
  }
  return (
    <FailureView
      message={failure.message}
      correlationId={failure.correlationId}
      stiggUrl={linksToStigg(workspaceKind) ? stiggAppUrl : null}
      // The same malformed id would be refused again: no Retry that cannot help.
      onRetry={failure.code === "BAD_REQUEST" ? undefined : onRetry}
      retrying={retrying}
      keyRejected={failure.failure?.code === "KEY_REJECTED"}
    />
  );
}
