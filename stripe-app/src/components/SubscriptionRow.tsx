import { List, ListItem } from "@stripe/ui-extension-sdk/ui";
import type { Subscription } from "@/contract";
import { StatusBadge } from "./StatusBadge";

/**
 * Plan name over subscription id, and the status pill. The whole row is one pressable
 * SDK list item (a List's `onAction`), so clicking anywhere on it opens the drawer.
 */
export function SubscriptionRow({ subscription, onOpen }: { subscription: Subscription; onOpen: () => void }) {
  return (
    <List onAction={onOpen}>
      <ListItem
        id={subscription.id}
        title={subscription.planName}
        secondaryTitle={subscription.id}
        value={<StatusBadge subscription={subscription} />}
      />
    </List>
  );
}
