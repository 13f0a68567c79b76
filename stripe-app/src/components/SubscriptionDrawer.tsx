import { Box, Divider, FocusView, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import type { Customer, Subscription } from "@/contract";
import { formatDateTime } from "../format/dates";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";
import { EntitlementsPanel } from "./EntitlementsPanel";
import { Field } from "./Field";
import { StatusBadge } from "./StatusBadge";

function customerLabel(customer: Customer): string {
  const name = customer.name?.trim() || customer.email?.trim();
  return name ? `${name} (${customer.stiggCustomerId})` : customer.stiggCustomerId;
}

/**
 * One subscription: its fields in the order of the Subscriptions tab, then only the
 * entitlements it grants (fetched for it; no subscription filter).
 */
export function SubscriptionDrawer({
  subscription,
  customer,
  onClose,
}: {
  subscription: Subscription;
  customer: Customer;
  onClose: () => void;
}) {
  const { locale } = useDrawerEnvironment();
  return (
    <FocusView
      title={subscription.planName}
      shown
      setShown={(shown) => {
        if (!shown) onClose();
      }}
    >
      <Box css={{ stack: "y", gapY: "medium" }}>
        <Field label="Plan name">{subscription.planName}</Field>
        <Field label="Subscription ID">{subscription.id}</Field>
        <Field label="Status">
          <StatusBadge subscription={subscription} />
        </Field>
        <Field label="Customer">
          <Link href={customer.stiggUrl} target="_blank" external>
            {customerLabel(customer)}
          </Link>
        </Field>
        <Field label="Created at">{formatDateTime(subscription.createdAt, locale)}</Field>
        <Field label="Last updated">{formatDateTime(subscription.updatedAt, locale)}</Field>
        <Divider />
        <Inline css={{ font: "heading" }}>Entitlements</Inline>
        <EntitlementsPanel subscriptionId={subscription.id} />
      </Box>
    </FocusView>
  );
}
