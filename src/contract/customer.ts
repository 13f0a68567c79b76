import { z } from "zod";
import { stripeCustomerId } from "./ids";

export const customer = z.object({
  stripeCustomerId,
  /** The customer's id in Stigg (refId). */
  stiggCustomerId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Deep link to this customer in the Stigg app ("View in Stigg"). */
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
    /** `stigg`: a Stigg workspace (the drawer links the customer in Stigg); `sandbox`: the demo workspace. */
    workspaceKind: z.enum(["sandbox", "stigg"]),
    customer,
  }),
]);
export type CustomerResult = z.infer<typeof customerResult>;
