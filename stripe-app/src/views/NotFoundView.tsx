import { Box, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import { useViewTitle } from "./ViewTitle";

/** The account is linked, but its Stigg workspace has no customer with this billing id. */
export function NotFoundView({ stiggUrl, stripeCustomerId }: { stiggUrl: string; stripeCustomerId: string }) {
  useViewTitle("Customer not found");
  return (
    <Box css={{ stack: "y", alignX: "center", gapY: "medium", padding: "large" }}>
      <Inline css={{ font: "heading", textAlign: "center" }}>
        Customer not found - Stripe customer not found in Stigg
      </Inline>
      <Inline css={{ font: "caption", color: "secondary" }}>{stripeCustomerId}</Inline>
      <Link href={stiggUrl} target="_blank" external>
        View in Stigg
      </Link>
    </Box>
  );
}
