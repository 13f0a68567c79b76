import type { ReactNode } from "react";

export interface ViewFooterProps {
  primaryAction?: ReactNode;
  secondaryAction?: ReactNode;
  footerContent?: ReactNode;
}

/** The action footer that ContextView and FocusView share in the Dashboard; nothing when empty. */
export function ViewFooter({ primaryAction, secondaryAction, footerContent }: ViewFooterProps) {
  if (primaryAction == null && secondaryAction == null && footerContent == null) return null;
  return (
    <footer className="sdk-view__footer">
      <div>{footerContent}</div>
      <div className="sdk-view__footer-actions">
        {secondaryAction}
        {primaryAction}
      </div>
    </footer>
  );
}
