import { Box, Divider, Inline } from "@stripe/ui-extension-sdk/ui";
import { Fragment, useState } from "react";
import type { Customer, Subscription } from "@/contract";
import { SubscriptionDrawer } from "./SubscriptionDrawer";
import { SubscriptionRow } from "./SubscriptionRow";

/** Every subscription of the customer; choosing one opens the Subscription drawer. */
export function SubscriptionList({ customer, subscriptions }: { customer: Customer; subscriptions: Subscription[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
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
