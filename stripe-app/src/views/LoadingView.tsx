import { Box, Inline, Spinner } from "@stripe/ui-extension-sdk/ui";
import { useEffect } from "react";
import { markOnce, TIMING_MARKS } from "../timing/mark";

export function LoadingView() {
  useEffect(() => markOnce(TIMING_MARKS.spinner), []);
  return (
    <Box css={{ stack: "y", alignX: "center", alignY: "center", gapY: "small", padding: "xlarge" }}>
      <Spinner size="large" />
      <Inline css={{ color: "secondary" }}>Loading Data From Stigg</Inline>
    </Box>
  );
}
