import { Box, Inline, Link } from "@stripe/ui-extension-sdk/ui";
import type { WorkspaceKind } from "@/contract";
import { linksToStigg, notFoundWords } from "../model/sourceWords";
import { useViewTitle } from "./ViewTitle";

/** The account is linked, but its workspace has no customer with this billing id. */
export function NotFoundView({
  stiggUrl,
  stripeCustomerId,
  workspaceKind,
}: {
  stiggUrl: string;
  stripeCustomerId: string;
  workspaceKind: WorkspaceKind | null;
}) {
  useViewTitle("Customer not found");
  return (
    <Box css={{ stack: "y", alignX: "center", gapY: "medium", padding: "large" }}>
      <Inline css={{ font: "heading", textAlign: "center" }}>{notFoundWords(workspaceKind)}</Inline>
      <Inline css={{ font: "caption", color: "secondary" }}>{stripeCustomerId}</Inline>
      {linksToStigg(workspaceKind) && (
        <Link href={stiggUrl} target="_blank" external>
          View in Stigg
        </Link>
      )}
    </Box>
  );
}
