import type { ReactNode } from "react";
import { ViewFooter } from "./ViewFooter";

/** The drawer's root view: header (title, description, external link), body, footer. */
export function ContextView(props: {
  title: string;
  children?: ReactNode;
  description?: string;
  brandColor?: string;
  brandIcon?: string;
  externalLink?: { label: string; href: string };
  actions?: ReactNode;
  banner?: ReactNode;
  footerContent?: ReactNode;
  primaryAction?: ReactNode;
  secondaryAction?: ReactNode;
}) {
  return (
    <section className="sdk-contextview" aria-label={props.title}>
      <header className="sdk-contextview__header">
        {props.brandIcon && (
          <span className="sdk-contextview__brand" style={{ backgroundColor: props.brandColor }}>
            <img src={props.brandIcon} alt="" />
          </span>
        )}
        <div>
          <h1 className="sdk-contextview__title">{props.title}</h1>
          {props.description && <p className="sdk-contextview__description">{props.description}</p>}
        </div>
      </header>
      {props.actions != null && <div className="sdk-contextview__actions">{props.actions}</div>}
      {props.banner != null && <div className="sdk-contextview__banner">{props.banner}</div>}
      <div className="sdk-contextview__body">{props.children}</div>
      {props.externalLink && (
        <a className="sdk-contextview__external" href={props.externalLink.href} target="_blank" rel="noreferrer">
          {props.externalLink.label} ↗
        </a>
      )}
      <ViewFooter {...props} />
    </section>
  );
}
