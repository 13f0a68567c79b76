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
import { LastRefresh } from "./LastRefresh";
import { RequestFailure } from "./RequestFailure";

/**
 * The entitlement list with its controls: the customer's (Entitlements tab, with a
 * subscription filter) or one subscription's (`subscriptionId`, the Subscription drawer).
 */
export function EntitlementsPanel({
  subscriptionId,
  subscriptions,
}: {
  subscriptionId?: string;
  subscriptions?: Subscription[];
}) {
  const { stripeCustomerId } = useDrawerEnvironment();
  // Same shape as the first paint's query, so the Entitlements tab reads it from the cache.
  const input = subscriptionId ? { stripeCustomerId, subscriptionId } : { stripeCustomerId };
  const trpc = useTRPC();
  const list = useQuery(trpc.getEntitlements.queryOptions(input));
  const refresh = useRefreshEntitlements(input);
  const [filter, setFilter] = useState(NO_FILTER);

  if (list.isPending) return <Spinner />;
  if (list.isError) return <RequestFailure what="Entitlements could not be loaded." error={list.error} />;

  const { entitlements, fetchedAt } = list.data;
  const shown = filterEntitlements(entitlements, filter);
  return (
    <Box css={{ stack: "y", gapY: "small" }}>
      {entitlements.length > 0 && (
        <EntitlementFilters filter={filter} onChange={setFilter} subscriptions={subscriptions} />
      )}
      <LastRefresh fetchedAt={fetchedAt} refreshing={refresh.isPending} onRefresh={() => refresh.mutate()} />
      {refresh.isError && <RequestFailure what="Refresh failed." error={refresh.error} />}
      {entitlements.length === 0 && <Inline css={{ color: "secondary" }}>No active entitlements</Inline>}
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
