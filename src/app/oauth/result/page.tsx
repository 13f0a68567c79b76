import { cookies } from "next/headers";
import { installPageMetadata } from "@/app/oauth/metadata";
import { getConfig } from "@/server/config";
import { decodeResult, RESULT_COOKIE } from "@/server/oauth/resultCookie";
import { buttonStyle, Card } from "../Card";
import { outcomeMessage } from "./outcomeMessage";

export const dynamic = "force-dynamic";
export const metadata = installPageMetadata("Connect Stigg — Stigg App for Stripe");

/** Where the callback sends the browser: what happened to the install, and what to do next. */
export default async function InstallResultPage() {
  const result = decodeResult((await cookies()).get(RESULT_COOKIE)?.value);
  if (!result) {
    return (
      <Card title="No install to report">
        <p>This page shows the result of connecting a Stripe account, for a few minutes after it happens.</p>
        <p style={{ marginTop: 20 }}>
          <a href="/connect" style={buttonStyle}>
            Connect Stigg
          </a>
        </p>
      </Card>
    );
  }
  const message = outcomeMessage(result.outcome, getConfig().mode);
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
          Reference for support: <code data-testid="correlation-id">{result.correlationId}</code>
        </p>
      )}
    </Card>
  );
}
