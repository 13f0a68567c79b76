import { Box, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import type { Customer } from "@/contract";
import { customerDisplayName } from "../format/customerName";

/** Shown above every tab: who this is, and the way to their full profile in Stigg. */
export function CustomerHeader({ customer }: { customer: Customer }) {
  return (
    <Box css={{ stack: "x", distribute: "space-between", alignY: "center", gapX: "small" }}>
      <Inline css={{ font: "heading" }}>{customerDisplayName(customer)}</Inline>
      <Link href={customer.stiggUrl} target="_blank" external>
        View in Stigg
      </Link>
    </Box>
  );
}
