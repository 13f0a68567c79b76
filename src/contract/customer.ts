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
 * Where an unlinked account is sent to link: the host page that starts the OAuth link flow
 * (the Gate's "Connect Stigg"), and the same page set to the Stripe Billing kind where the
 * host offers that kind (the Gate's secondary action), else null.
 */
export const connectUrls = z.object({ connectUrl: z.url(), stripeBillingConnectUrl: z.url().nullable() });
export type ConnectUrls = z.infer<typeof connectUrls>;

/**
 * `getCustomer`'s answer. An account that has not linked a workspace is not an error:
 * it is the Gate view, with the host pages that start the OAuth link flow.
 */
export const customerResult = z.discriminatedUnion("linked", [
  z.object({ linked: z.literal(false), ...connectUrls.shape }),
  z.object({
    linked: z.literal(true),
    workspaceName: z.string(),
    /** `stigg`: a Stigg workspace (the drawer links the customer in Stigg); `sandbox`: the demo workspace; `stripe_billing`: the account's own Stripe Billing data. */
    workspaceKind,
    customer,
  }),
]);
export type CustomerResult = z.infer<typeof customerResult>;
