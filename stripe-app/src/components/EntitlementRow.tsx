import { Box, Inline } from "@stripe/ui-extension-sdk/ui";
import type { Entitlement } from "@/contract";
import { entitlementSourceText } from "../format/subscriptionLabel";
import { BooleanDetails } from "./BooleanDetails";
import { CreditsDetails } from "./CreditsDetails";
import { EntitlementIcon } from "./EntitlementIcon";
import { MeteredDetails } from "./MeteredDetails";
import { NumericDetails } from "./NumericDetails";

function Details({ entitlement }: { entitlement: Entitlement }) {
  switch (entitlement.kind) {
    case "metered":
      return <MeteredDetails entitlement={entitlement} />;
    case "boolean":
      return <BooleanDetails entitlement={entitlement} />;
    case "numeric":
      return <NumericDetails entitlement={entitlement} />;
    case "credits":
      return <CreditsDetails entitlement={entitlement} />;
  }
}

/** One entitlement: type icon and name, its kind's details, and the plan(s) granting it. */
export function EntitlementRow({ entitlement }: { entitlement: Entitlement }) {
  const source = entitlementSourceText(entitlement);
  return (
    <Box css={{ stack: "y", gapY: "xsmall", paddingY: "small" }}>
      <Box css={{ stack: "x", gapX: "small", alignY: "center" }}>
        <EntitlementIcon kind={entitlement.kind} />
        <Inline css={{ font: "bodyEmphasized" }}>{entitlement.name}</Inline>
      </Box>
      <Details entitlement={entitlement} />
      {source && <Inline css={{ font: "caption", color: "secondary" }}>{`From ${source}`}</Inline>}
    </Box>
  );
}
