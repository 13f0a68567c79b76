import { FocusView } from "@stripe/ui-extension-sdk/ui";
import type { Customer, Subscription } from "@/contract";
import { SubscriptionDetails } from "./SubscriptionDetails";

/** The Subscriptions tab's drawer: one subscription's details over the Command Center. */
export function SubscriptionDrawer({
  subscription,
  customer,
  onClose,
}: {
  subscription: Subscription;
  customer: Customer;
  onClose: () => void;
}) {
  return (
    <FocusView
      title={subscription.planName}
      shown
      setShown={(shown) => {
        if (!shown) onClose();
      }}
    >
      <SubscriptionDetails subscription={subscription} customer={customer} />
    </FocusView>
  );
}
