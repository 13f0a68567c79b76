import { Box, Inline } from "@stripe/ui-extension-sdk/ui";
import type { ReactNode } from "react";

/** A labelled value in the Subscription drawer's overview. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box css={{ stack: "y", gapY: "xxsmall" }}>
      <Inline css={{ font: "caption", color: "secondary" }}>{label}</Inline>
      <Box>{children}</Box>
    </Box>
  );
}
