import { z } from "zod";
import { stripeCustomerId } from "./ids";
import { workspaceKind } from "./workspaceKind";

export const customer = z.object({
  stripeCustomerId,
  /** The customer's id in the source: in Stigg its refId; for Stripe Billing the Stripe customer id. */
  stiggCustomerId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /**
   * Deep link to this customer in the Stigg app ("View in Stigg"). A Stripe Billing
   * workspace has no Stigg: its customer's page in the Stripe Dashboard, never shown as a link.
   */
  stiggUrl: z.url(),
});
export type Customer = z.infer<typeof customer>;

/**
 * `getCustomer`'s answer. An account that has not linked a workspace is not an error:
 * it is the Gate view, with the host page that starts the OAuth link flow.
 */
export const customerResult = z.discriminatedUnion("linked", [
  z.object({ linked: z.literal(false), connectUrl: z.url() }),
  z.object({
    linked: z.literal(true),
    workspaceName: z.string(),
    /** `stigg`: a Stigg workspace (the drawer links the customer in Stigg); `sandbox`: the demo workspace; `stripe_billing`: the account's own Stripe Billing data. */
    workspaceKind,
    customer,
  }),
]);
export type CustomerResult = z.infer<typeof customerResult>;
