import { Box, Inline, Spinner } from "@stripe/ui-extension-sdk/ui";

export function LoadingView() {
  return (
    <Box css={{ stack: "y", alignX: "center", alignY: "center", gapY: "small", padding: "xlarge" }}>
      <Spinner size="large" />
      <Inline css={{ color: "secondary" }}>Loading Data From Stigg</Inline>
    </Box>
  );
}
