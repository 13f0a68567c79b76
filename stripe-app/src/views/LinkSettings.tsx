import { Badge, Box, Button, Divider, Inline } from "@stripe/ui-extension-sdk/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useEffect, useState } from "react";
import type { AccountLink, DashboardMode, LinksResult } from "@/contract";
import { describeApiError } from "../api/apiError";
import { useTRPC } from "../api/trpc";
import { useConnectWatch } from "../api/useConnectWatch";
import { Field } from "../components/Field";
import { RequestFailure } from "../components/RequestFailure";
import { formatDateTime } from "../format/dates";
import { ApiErrorView } from "./ApiErrorView";
import { useDrawerEnvironment } from "./DrawerEnvironment";
import { GateView } from "./GateView";
import { LoadingView } from "./LoadingView";

const MODE_LABEL: Record<DashboardMode, string> = { live: "Live mode", test: "Test mode" };
const modeLabel = (link: AccountLink) => (link.stripeSandbox ? "Stripe sandbox" : MODE_LABEL[link.mode]);
const KIND_LABEL: Record<AccountLink["workspaceKind"], string> = { sandbox: "Demo workspace", stigg: "Stigg", stripe_billing: "Stripe Billing" };

/** The connect page, set to one Stripe mode. */
function connectUrlIn(connectUrl: string, mode: DashboardMode): string {
  const url = new URL(connectUrl);
  url.searchParams.set("mode", mode);
  return url.toString();
}

function LinkCard({
  link,
  disconnectable,
}: {
  link: AccountLink;
  disconnectable: boolean;
}) {
  const { locale } = useDrawerEnvironment();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const disconnect = useMutation(
    trpc.disconnect.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.getLinks.queryKey() }),
    }),
  );
  return (
    <Box css={{ stack: "y", gapY: "small" }}>
      <Box css={{ stack: "x", gapX: "small", alignY: "center" }}>
        <Inline css={{ font: "heading" }}>{modeLabel(link)}</Inline>
        <Badge type={link.mode === "live" ? "info" : "neutral"}>{KIND_LABEL[link.workspaceKind]}</Badge>
      </Box>
      <Field label="Workspace">{link.workspaceName}</Field>
      <Field label="Linked since">{formatDateTime(link.linkedSince, locale)}</Field>
      <Field label="Last successful read">
        {link.lastSuccessfulRead ? formatDateTime(link.lastSuccessfulRead, locale) : "None since the app's server last started"}
      </Field>
      {disconnect.isError && (
        <RequestFailure what={`Not disconnected: ${describeApiError(disconnect.error).message}`} error={disconnect.error} />
      )}
      {disconnectable && !confirming && (
        <Button type="destructive" onPress={() => setConfirming(true)}>
          Disconnect
        </Button>
      )}
      {disconnectable && confirming && (
        <Box css={{ stack: "y", gapY: "small" }}>
          <Inline>
            {`Disconnect the ${link.stripeSandbox ? "Stripe sandbox's" : `${link.mode}-mode`} link to ${link.workspaceName}? This removes only this app's link; nothing changes in ${link.workspaceKind === "stripe_billing" ? "Stripe" : "Stigg or Stripe"}, and you can connect again.`}
          </Inline>
          <Box css={{ stack: "x", gapX: "small" }}>
            <Button
              type="destructive"
              disabled={disconnect.isPending}
              onPress={() => disconnect.mutate({ mode: link.mode })}
            >
              Confirm disconnect
            </Button>
            <Button onPress={() => setConfirming(false)} disabled={disconnect.isPending}>
              Cancel
            </Button>
          </Box>
        </Box>
      )}
    </Box>
  );
}

/**
 * The settings view's content: the account's links (one per Stripe mode), the Gate when
 * there is none, and "Disconnect" with a confirmation for the roles that may.
 */
export function LinkSettings({ disconnectable }: { disconnectable: boolean }) {
  const { stripeSandbox } = useDrawerEnvironment();
  const trpc = useTRPC();
  const watch = useConnectWatch<LinksResult>((data) => data.links.length === 0);
  const links = useQuery({
    ...trpc.getLinks.queryOptions({}),
    refetchInterval: watch.refetchInterval,
    refetchOnWindowFocus: watch.refetchOnWindowFocus,
  });
  const linked = (links.data?.links.length ?? 0) > 0;
  const { reset } = watch;
  // The connect this view waited for is done: a Gate after Disconnect waits for nothing.
  useEffect(() => {
    if (linked) reset();
  }, [linked, reset]);

  if (links.isPending) return <LoadingView />;
  if (links.isError) return <ApiErrorView error={links.error} onRetry={() => void links.refetch({ cancelRefetch: false })} retrying={links.isFetching} />;
  const { connectUrl, connectableModes } = links.data;
  // Only the modes this server can install in and this account has no link in yet.
  const otherModes = connectableModes.filter((mode) => !links.data.links.some((l) => l.mode === mode));
  if (links.data.links.length === 0) {
    return <GateView urls={links.data} onConnect={watch.onConnect} waiting={watch.connectPressed} />;
  }
  return (
    <Box css={{ stack: "y", gapY: "large" }}>
      {links.data.links.map((link, i) => (
        <Fragment key={link.mode}>
          {i > 0 && <Divider />}
          <LinkCard link={link} disconnectable={disconnectable} />
        </Fragment>
      ))}
      {/* A Stripe sandbox has no live mode: its one link is all there is. */}
      {!stripeSandbox &&
        otherModes.map((mode) => (
          <Button key={mode} href={connectUrlIn(connectUrl, mode)} target="_blank">
            {`Connect Stigg in ${MODE_LABEL[mode].toLowerCase()}`}
          </Button>
        ))}
    </Box>
  );
}
