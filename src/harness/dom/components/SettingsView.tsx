import type { ReactNode } from "react";

/**
 * The app's settings page. Stripe renders its own "Save" button when `onSave` is given;
 * the app's settings view has nothing to save, so the harness draws the button only then.
 */
export function SettingsView(props: {
  children?: ReactNode;
  onSave?: (values: Record<string, string>) => void;
  statusMessage?: string;
}) {
  return (
    <section className="sdk-contextview" aria-label="Settings">
      <header className="sdk-contextview__header">
        <div>
          <h1 className="sdk-contextview__title">Settings</h1>
          {props.statusMessage && <p className="sdk-contextview__description">{props.statusMessage}</p>}
        </div>
      </header>
      <div className="sdk-contextview__body">{props.children}</div>
      {props.onSave && (
        <button type="button" className="sdk-button sdk-button--primary" onClick={() => props.onSave?.({})}>
          Save
        </button>
      )}
    </section>
  );
}
