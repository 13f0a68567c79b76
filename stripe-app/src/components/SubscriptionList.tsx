import { Box, Divider, Inline, Spinner } from "@stripe/ui-extension-sdk/ui";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import type { Customer } from "@/contract";
import { useTRPC } from "../api/trpc";
import { callFailureNotice } from "../model/failureNotice";
import { subscriptionsInListOrder } from "../model/subscriptionStatus";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";
import { PartFailureNotice } from "./PartFailureNotice";
import { SubscriptionDrawer } from "./SubscriptionDrawer";
import { SubscriptionRow } from "./SubscriptionRow";

/**
 * Every subscription of the customer; choosing one opens the Subscription drawer. Reads
 * the first paint's query from the cache; when that read failed, a notice with Retry
 * takes the list's place and the rest of the drawer is unaffected.
 */
export function SubscriptionList({ customer }: { customer: Customer }) {
  const { stripeCustomerId, workspaceKind } = useDrawerEnvironment();
  const trpc = useTRPC();
  // A failed first read stays failed until Retry; mounting the tab does not ask again.
  const query = useQuery(trpc.listSubscriptions.queryOptions({ stripeCustomerId }, { retryOnMount: false }));
  const [openId, setOpenId] = useState<string | null>(null);

  if (query.isPending) return <Spinner />;
  if (query.isError) {
    return (
      <PartFailureNotice
        notice={callFailureNotice("Subscriptions not loaded", query.error, workspaceKind)}
        onRetry={() => void query.refetch({ cancelRefetch: false })}
      />
    );
  }

  const subscriptions = subscriptionsInListOrder(query.data.subscriptions);
  const open = subscriptions.find((s) => s.id === openId);
  if (subscriptions.length === 0) return <Inline css={{ color: "secondary" }}>No subscriptions</Inline>;
  return (
    <Box css={{ stack: "y" }}>
      {subscriptions.map((subscription, i) => (
        <Fragment key={subscription.id}>
          {i > 0 && <Divider />}
          <SubscriptionRow subscription={subscription} onOpen={() => setOpenId(subscription.id)} />
        </Fragment>
      ))}
      {open && <SubscriptionDrawer subscription={open} customer={customer} onClose={() => setOpenId(null)} />}
    </Box>
  );
}
