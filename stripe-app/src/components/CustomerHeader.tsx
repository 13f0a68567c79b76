import { Box, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import type { Customer } from "@/contract";
import { customerDisplayName } from "../format/customerName";
import { linksToStigg } from "../model/sourceWords";
import { useDrawerEnvironment } from "../views/DrawerEnvironment";

/** Shown above every tab: who this is, and (for a Stigg workspace) the way to their full profile in Stigg. */
export function CustomerHeader({ customer }: { customer: Customer }) {
  const { workspaceKind } = useDrawerEnvironment();
  return (
    <Box css={{ stack: "x", distribute: "space-between", alignY: "center", gapX: "small" }}>
      <Inline css={{ font: "heading" }}>{customerDisplayName(customer)}</Inline>
      {linksToStigg(workspaceKind) && (
        <Link href={customer.stiggUrl} target="_blank" external>
          View in Stigg
        </Link>
      )}
    </Box>
  );
}
