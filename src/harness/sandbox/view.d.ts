// The extension's view, chosen by scripts/build-harness.mjs: the unmodified
// stripe-app view that Stripe would load for the customer detail viewport.
declare module "harness:view" {
  import type { ComponentType } from "react";
  import type { ContextProps } from "../platform/api";
  const View: ComponentType<ContextProps>;
  export default View;
}
