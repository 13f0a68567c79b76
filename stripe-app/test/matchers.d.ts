// Types for the matchers "@stripe/ui-extension-sdk/testing" registers on vitest's expect
// (the SDK only declares them for Jest).
import "vitest";

declare module "vitest" {
  interface Assertion<T = any> {
    toContainText(text: string): void;
    toHaveProps(props: Record<string, unknown>): void;
    toContainComponent(type: unknown, props?: Record<string, unknown>): void;
    toContainComponentTimes(type: unknown, times: number, props?: Record<string, unknown>): void;
  }
}
