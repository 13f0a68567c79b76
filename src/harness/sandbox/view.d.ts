// The extension's views, chosen by scripts/build-harness.mjs: the unmodified stripe-app
// views the manifest declares, by viewport ("*": one view for every viewport).
declare module "harness:views" {
  import type { ComponentType } from "react";
  import type { ContextProps } from "../platform/api";
  const views: Record<string, ComponentType<ContextProps>>;
  export default views;
}
