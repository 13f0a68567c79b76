import { useContext, useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { invoke } from "../events";
import { OverlayContext } from "../overlay";
import { ViewFooter } from "./ViewFooter";

/**
 * A panel that slides over the app drawer, at its width, with a close button. `shown` is
 * owned by the extension; closing asks it through `setShown(false)`.
 */
export function FocusView(props: {
  title: string;
  children?: ReactNode;
  shown?: boolean;
  setShown?: (shown: boolean) => void;
  primaryAction?: ReactNode;
  secondaryAction?: ReactNode;
  footerContent?: ReactNode;
  size?: string;
  confirmCloseMessages?: { title: string; description: string; cancelAction: string; exitAction: string };
}) {
  const overlay = useContext(OverlayContext);
  const shown = props.shown ?? true;
  const close = () => {
    if (props.confirmCloseMessages && !window.confirm(`${props.confirmCloseMessages.title}\n${props.confirmCloseMessages.description}`)) return;
    invoke(props.setShown, false);
  };
  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  // Stripe: "When a user begins a workflow or task in your app, their view should switch to
  // FocusView to hide the background details" (docs.stripe.com/stripe-apps/components). The
  // background is hidden, so keyboard focus moves into the view when it opens, and goes
  // back to what opened it (a subscription row) when it closes.
  const dialog = useRef<HTMLElement>(null);
  const visible = shown && !!overlay;
  useLayoutEffect(() => {
    if (!visible) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [visible]);
  if (!visible) return null;
  return createPortal(
    <section ref={dialog} tabIndex={-1} role="dialog" aria-modal="true" aria-label={props.title} className={`sdk-focusview sdk-focusview--${props.size ?? "small"}`}>
      <header className="sdk-focusview__header">
        <h2>{props.title}</h2>
        <button type="button" className="sdk-focusview__close" aria-label="Close" onClick={close}>
          ×
        </button>
      </header>
      <div className="sdk-focusview__body">{props.children}</div>
      <ViewFooter {...props} />
    </section>,
    overlay,
  );
}
