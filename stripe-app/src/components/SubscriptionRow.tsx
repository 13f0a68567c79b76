import { Box, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import type { Subscription } from "@/contract";
import { StatusBadge } from "./StatusBadge";

/** Plan name over subscription id, and the status pill; the plan name opens the drawer. */
export function SubscriptionRow({ subscription, onOpen }: { subscription: Subscription; onOpen: () => void }) {
  return (
    <Box css={{ stack: "x", distribute: "space-between", alignY: "center", gapX: "small", paddingY: "small" }}>
      <Box css={{ stack: "y", gapY: "xxsmall" }}>
        <Link onPress={onOpen}>{subscription.planName}</Link>
        <Inline css={{ font: "caption", color: "secondary" }}>{subscription.id}</Inline>
      </Box>
      <StatusBadge subscription={subscription} />
    </Box>
  );
}
