// Runs inside the null-origin `<iframe sandbox="allow-scripts">`, the way Stripe runs an
// extension: the view renders into a remote-ui root whose operations travel to the page,
// and the SDK's platform calls (`fetchStripeSignature`, `showToast`, …) reach the page
// through `globalThis.__StripeExtExports.endpoint`, the only field the SDK reads.
import { createRemoteRoot, type RemoteChannel } from "@remote-ui/core";
import { createRoot } from "@remote-ui/react";
import { createEndpoint, fromInsideIframe, retain } from "@remote-ui/rpc";
import views from "harness:views";
import type { ContextProps, PlatformApi, SandboxApi } from "../platform/api";
import { ErrorBoundary } from "./ErrorBoundary";

const endpoint = createEndpoint<PlatformApi>(fromInsideIframe());
(globalThis as { __StripeExtExports?: unknown }).__StripeExtExports = { endpoint };

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const report = (error: unknown) => endpoint.call.reportSandboxError(describe(error));
addEventListener("error", (event) => report(event.error ?? event.message));
addEventListener("unhandledrejection", (event) => report(event.reason));

const api = {
  render(channel: RemoteChannel, props: ContextProps) {
    performance.mark("harness:render-called");
    // The page's receiver and the props are proxies owned by the page; without retaining
    // them every update after the first mount fails ("function that was already released").
    retain(channel);
    retain(props);
    const View = views[props.environment.viewportID] ?? views["*"];
    if (!View) throw new Error(`The manifest declares no view for the viewport ${props.environment.viewportID}`);
    const root = createRemoteRoot(channel);
    createRoot(root).render(
      <ErrorBoundary onError={report}>
        <View {...props} />
      </ErrorBoundary>,
    );
    // The reconciler never mounts the root itself.
    root.mount();
  },
} satisfies SandboxApi;
endpoint.expose(api);
// Everything above, the views and the SDK included, has run: the bench's "bundle evaluated".
performance.mark("harness:bundle-evaluated");
