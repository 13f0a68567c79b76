import { Box, Divider, Inline, Spinner } from "@stripe/ui-extension-sdk/ui";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import type { Subscription } from "@/contract";
import { useTRPC } from "../api/trpc";
import { useRefreshEntitlements } from "../api/useRefreshEntitlements";
import { filterEntitlements, NO_FILTER } from "../model/entitlementFilter";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";
import { EntitlementFilters } from "./EntitlementFilters";
import { EntitlementRow } from "./EntitlementRow";
import { callFailureNotice, partFailureNotice } from "../model/failureNotice";
import { LastRefresh } from "./LastRefresh";
import { PartFailureNotice } from "./PartFailureNotice";
import { RequestFailure } from "./RequestFailure";

/**
 * The entitlement list with its controls: the customer's (Entitlements tab, with a
 * subscription filter) or one subscription's (`subscriptionId`, the Subscription drawer).
 * A failed read, whole or in part (features or credits), is a notice above what loaded.
 */
export function EntitlementsPanel({
  subscriptionId,
  subscriptions,
}: {
  subscriptionId?: string;
  subscriptions?: Subscription[];
}) {
  const { stripeCustomerId, workspaceKind } = useDrawerEnvironment();
  // Same shape as the first paint's query, so the Entitlements tab reads it from the cache,
  // a failure included: asking again is the notice's Retry, not a side effect of mounting.
  const input = subscriptionId ? { stripeCustomerId, subscriptionId } : { stripeCustomerId };
  const trpc = useTRPC();
  const list = useQuery(trpc.getEntitlements.queryOptions(input, { retryOnMount: false }));
  const refresh = useRefreshEntitlements(input);
  const [filter, setFilter] = useState(NO_FILTER);

  // A Retry while one is under way (a double click) joins it instead of asking again.
  const retry = () => void list.refetch({ cancelRefetch: false });

  if (list.isPending) return <Spinner />;
  if (list.isError) {
    return (
      <PartFailureNotice
        notice={callFailureNotice("Entitlements not loaded", list.error, workspaceKind)}
        onRetry={retry}
      />
    );
  }

  const { entitlements, fetchedAt, failures } = list.data;
  const shown = filterEntitlements(entitlements, filter);
  return (
    <Box css={{ stack: "y", gapY: "small" }}>
      {failures.map((failure) => (
        <PartFailureNotice
          key={failure.part}
          notice={partFailureNotice(failure, workspaceKind)}
          onRetry={retry}
          retrying={list.isFetching}
        />
      ))}
      {entitlements.length > 0 && (
        <EntitlementFilters
          filter={filter}
          onChange={setFilter}
          subscriptions={subscriptions}
          searchOnly={subscriptionId !== undefined}
        />
      )}
      <LastRefresh fetchedAt={fetchedAt} refreshing={refresh.isPending} onRefresh={refresh.run} />
      {refresh.isError && <RequestFailure what="Refresh failed." error={refresh.error} />}
      {entitlements.length === 0 && failures.length === 0 && <Inline css={{ color: "secondary" }}>No active entitlements</Inline>}
      {entitlements.length > 0 && shown.length === 0 && (
        <Inline css={{ color: "secondary" }}>No entitlements match these filters</Inline>
      )}
      {shown.map((entitlement, i) => (
        <Fragment key={`${entitlement.kind}:${entitlement.id}`}>
          {i > 0 && <Divider />}
          <EntitlementRow entitlement={entitlement} />
        </Fragment>
      ))}
    </Box>
  );
}
