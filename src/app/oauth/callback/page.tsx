import { cookies, headers } from "next/headers";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db/client";
import { correlationIdFrom } from "@/server/log/correlation";
import { logger } from "@/server/log/logger";
import { STATE_COOKIE } from "@/server/oauth/browserBinding";
import { completeInstall } from "@/server/oauth/completeInstall";
import { buttonStyle, Card } from "../Card";
import { outcomeMessage } from "./outcomeMessage";

export const dynamic = "force-dynamic";
export const metadata = { title: "Connect Stigg — Stigg App for Stripe", referrer: "no-referrer" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The manifest's redirect URI: Stripe sends the user here with `code` + `state`, or `error`. */
export default async function OAuthCallbackPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const correlationId = correlationIdFrom(await headers());
  const outcome = await completeInstall(await searchParams, (await cookies()).get(STATE_COOKIE)?.value, {
    db: await getDb(),
    config: getConfig(),
    log: logger().child({ correlationId }),
  });
  const message = outcomeMessage(outcome);
  return (
    <Card title={message.title} tone={message.tone}>
      {message.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p style={{ marginTop: 20 }}>
        <a href={message.next.href} style={buttonStyle}>
          {message.next.label}
        </a>
      </p>
      {message.tone === "error" && (
        <p style={{ color: "#697386", fontSize: 13 }}>
          Reference for support: <code data-testid="correlation-id">{correlationId}</code>
        </p>
      )}
    </Card>
  );
}
