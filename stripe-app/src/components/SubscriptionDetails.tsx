import { Box, Divider, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import type { Customer, Subscription } from "@/contract";
import { formatDateTime } from "../format/dates";
import { linksToStigg } from "../model/sourceWords";
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
 * entitlements it grants (no subscription filter). The Subscription drawer and the
 * Stripe subscription page both show it; on the Stripe page (`stripeSubscriptionId`) both
 * ids are shown, each labelled with whose it is, since the page is named by Stripe's.
 */
export function SubscriptionDetails({
  subscription,
  customer,
  stripeSubscriptionId,
}: {
  subscription: Subscription;
  customer: Customer;
  stripeSubscriptionId?: string;
}) {
  const { locale, workspaceKind } = useDrawerEnvironment();
  // Stripe Billing's subscription is the Stripe one: one id, and the customer is no link
  // (its stiggUrl is the customer's Dashboard page, never shown as a link).
  const stripeBilling = workspaceKind === "stripe_billing";
  return (
    <Box css={{ stack: "y", gapY: "medium" }}>
      <Field label="Plan name">{subscription.planName}</Field>
      {stripeSubscriptionId && !stripeBilling ? (
        <>
          <Field label="Stripe subscription ID">{stripeSubscriptionId}</Field>
          <Field label="Stigg subscription ID">{subscription.id}</Field>
        </>
      ) : (
        <Field label="Subscription ID">{subscription.id}</Field>
      )}
      <Field label="Status">
        <StatusBadge subscription={subscription} />
      </Field>
      <Field label="Customer">
        {linksToStigg(workspaceKind) ? (
          <Link href={customer.stiggUrl} target="_blank" external>
            {customerLabel(customer)}
          </Link>
        ) : (
          customerLabel(customer)
        )}
      </Field>
      <Field label="Created at">{formatDateTime(subscription.createdAt, locale)}</Field>
      <Field label="Last updated">{formatDateTime(subscription.updatedAt, locale)}</Field>
      <Divider />
      <Inline css={{ font: "heading" }}>Entitlements</Inline>
      <EntitlementsPanel subscriptionId={subscription.id} />
    </Box>
  );
}
