import { Component, type ReactNode } from "react";

/**
 * Catches what the view throws while rendering or in its effects and hands it to the
 * page with its message. Uncaught errors reach `window.onerror` only as "Script error.":
 * the bundle is a cross-origin script to this null-origin document.
 */
export class ErrorBoundary extends Component<{ onError(error: unknown): void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
