import { Box, Inline, Spinner } from "@stripe/ui-extension-sdk/ui";
import { useEffect } from "react";
import { loadingWords } from "../model/sourceWords";
import { markOnce, TIMING_MARKS } from "../timing/mark";
import { useDrawerEnvironment } from "./DrawerEnvironment";

/**
 * Whose data is coming. The first spinner shows before anything said the workspace's kind:
 * it keeps the product document's "Loading Data From Stigg", which is also the app's name
 * the Dashboard shows above it, so it is not untrue for a Stripe Billing workspace either;
 * a sentence that changed with no answer yet would only guess. Once the kind is known
 * (the drawer's later waits), the spinner names that kind's source.
 */
export function LoadingView() {
  const { workspaceKind } = useDrawerEnvironment();
  useEffect(() => markOnce(TIMING_MARKS.spinner), []);
  return (
    <Box css={{ stack: "y", alignX: "center", alignY: "center", gapY: "small", padding: "xlarge" }}>
      <Spinner size="large" />
      <Inline css={{ color: "secondary" }}>{loadingWords(workspaceKind)}</Inline>
    </Box>
  );
}
