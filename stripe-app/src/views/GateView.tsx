import { Box, Button, Icon, type IconProps, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import { type ConnectUrls, STRIPE_BILLING_GATE_ACTION } from "@/contract";
import { useState } from "react";
import { connectHref } from "../api/connectHref";
import { useDrawerEnvironment } from "./DrawerEnvironment";
import { useViewTitle } from "./ViewTitle";

// The three selling points, as the public product document words them.
const POINTS: { icon: IconProps["name"]; title: string; text: string }[] = [
  {
    icon: "checkCircle",
    title: "Entitlements at a glance",
    text: "See exactly which features and limits each customer is entitled to, per plan.",
  },
  {
    icon: "wallet",
    title: "Manage customer credits",
    text: "Add credits, adjust balance, and track consumption without leaving the billing view in real time.",
  },
  {
    icon: "refresh",
    title: "Always in sync with Stripe",
    text: "Plan changes in Stigg reflect instantly in Stripe. No manual reconciliation.",
  },
];

/**
 * The Stripe account is not linked to a Stigg workspace: explain, and offer to connect; where
 * the host offers it, also to use the account's own Stripe Billing data instead.
 */
export function GateView({
  urls: { connectUrl, stripeBillingConnectUrl },
  onConnect,
  waiting,
}: {
  urls: ConnectUrls;
  onConnect: () => void;
  /** Connect was pressed: the drawer is checking for the new link. */
  waiting: boolean;
}) {
  useViewTitle("Connect Stigg");
  const { stripeSandbox } = useDrawerEnvironment();
  // The page the user chose, for "Open the connect page again".
  const [chosen, setChosen] = useState(connectUrl);
  const connect = (url: string) => () => {
    setChosen(url);
    onConnect();
  };
  return (
    <Box css={{ stack: "y", gapY: "large", padding: "medium" }}>
      <Box css={{ stack: "y", gapY: "small" }}>
        <Inline css={{ font: "title" }}>Manage entitlements with Stigg</Inline>
        <Inline css={{ color: "secondary" }}>
          See and control feature entitlements for every customer directly from their Stripe profile.
        </Inline>
      </Box>
      {POINTS.map((point) => (
        <Box key={point.title} css={{ stack: "x", gapX: "small", alignY: "top" }}>
          <Icon name={point.icon} css={{ fill: "brand" }} />
          <Box css={{ stack: "y", gapY: "xxsmall" }}>
            <Inline css={{ font: "bodyEmphasized" }}>{point.title}</Inline>
            <Inline css={{ color: "secondary" }}>{point.text}</Inline>
          </Box>
        </Box>
      ))}
      {/* The host's connect page starts the OAuth link flow in a new tab. */}
      {/* Pressed once, it rests (a double click opens one tab); the link below opens another on purpose. */}
      <Button type="primary" href={connectHref(connectUrl, stripeSandbox)} target="_blank" onPress={connect(connectUrl)} disabled={waiting} css={{ width: "fill" }}>
        Connect Stigg
      </Button>
      {stripeBillingConnectUrl && (
        <Button
          type="secondary"
          href={connectHref(stripeBillingConnectUrl, stripeSandbox)}
          target="_blank"
          onPress={connect(stripeBillingConnectUrl)}
          disabled={waiting}
          css={{ width: "fill" }}
        >
          {STRIPE_BILLING_GATE_ACTION}
        </Button>
      )}
      {waiting && (
        <Box css={{ stack: "y", gapY: "xsmall" }}>
          <Inline css={{ color: "secondary" }}>
            Finish connecting in the new tab; this drawer opens the customer once the link is made.
          </Inline>
          <Link href={chosen} target="_blank">
            Open the connect page again
          </Link>
        </Box>
      )}
    </Box>
  );
}
