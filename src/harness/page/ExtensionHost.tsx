import { useEffect, useRef, useState } from "react";
import { createRemoteReceiver } from "@remote-ui/core";
import { RemoteRenderer } from "@remote-ui/react/host";
import { createEndpoint, fromIframe } from "@remote-ui/rpc";
import { OverlayContext } from "../dom/overlay";
import { controller } from "../dom/registry";
import { reportViolation } from "../dom/violations";
import type { SandboxApi } from "../platform/api";
import { contextProps, type OpenedOn } from "../platform/contextProps";
import { dashboardPlatform } from "../platform/dashboard";

export const SANDBOX_DOCUMENT = "/preview/sandbox";

/**
 * One open app drawer, hosted the way Stripe hosts it: the extension runs in a sandboxed,
 * null-origin frame served by this host; its remote tree is received here and rendered
 * with the harness's own SDK components. Remount (a new `key`) to open another customer.
 */
export function ExtensionHost({
  account,
  customer,
  on,
  overlay,
  onToast,
}: {
  account: string;
  customer: string;
  /** Another page than the customer's (its viewport and object). */
  on?: OpenedOn;
  overlay: HTMLElement | null;
  onToast(message: string): void;
}) {
  const [receiver] = useState(createRemoteReceiver);
  const frameSlot = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The drawer opens here; scripts/bench-preview.mjs measures from this mark and reads the
    // phases after it from this page and from the frame.
    performance.mark("harness:drawer-open");
    const iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "allow-scripts");
    iframe.title = "Extension sandbox";
    iframe.src = SANDBOX_DOCUMENT;
    frameSlot.current!.appendChild(iframe);
    performance.mark("harness:frame-created");
    const props = contextProps(account, customer, window.location.origin, on);
    const endpoint = createEndpoint<SandboxApi>(fromIframe(iframe, { terminate: false }));
    endpoint.expose(
      dashboardPlatform(props, {
        toast: onToast,
        sandboxError: (message) => reportViolation("sandbox", message),
      }),
    );
    endpoint.call.render(receiver.receive, props).catch((err: unknown) => reportViolation("sandbox", `render failed: ${String(err)}`));
    return () => {
      endpoint.terminate();
      iframe.remove();
    };
    // `on` is fixed for one mount: the page remounts (a new key) to open another.
  }, [account, customer, receiver, onToast]);

  return (
    <OverlayContext.Provider value={overlay}>
      <div className="harness-frame-slot" ref={frameSlot} aria-hidden="true" />
      <RemoteRenderer receiver={receiver} controller={controller} />
    </OverlayContext.Provider>
  );
}
