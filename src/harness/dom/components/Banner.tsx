import type { ReactNode } from "react";
import { invoke } from "../events";

export function Banner(props: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  type?: string;
  onDismiss?: () => void;
}) {
  const type = props.type ?? "default";
  return (
    <div className={`sdk-banner sdk-banner--${type}`} role={type === "critical" ? "alert" : "status"} data-banner-type={type}>
      <div className="sdk-banner__text">
        {props.title != null && <div className="sdk-banner__title">{props.title}</div>}
        {props.description != null && <div className="sdk-banner__description">{props.description}</div>}
        {props.actions != null && <div className="sdk-banner__actions">{props.actions}</div>}
      </div>
      {props.onDismiss && (
        <button type="button" className="sdk-banner__dismiss" aria-label="Dismiss" onClick={() => invoke(props.onDismiss)}>
          ×
        </button>
      )}
    </div>
  );
}
