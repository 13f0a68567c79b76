import type { MouseEvent, ReactNode } from "react";
import { cssToStyle } from "../css";
import { invoke, pressEvent } from "../events";
import { reportViolation } from "../violations";

interface Pressable {
  children?: ReactNode;
  css?: Record<string, unknown>;
  disabled?: boolean;
  href?: string | Record<string, unknown>;
  onPress?: (event: unknown) => void;
  target?: string;
}

/**
 * A string href is a plain link. A route descriptor asks the Dashboard to navigate; the
 * harness has no Dashboard routes, so it logs the request and stays put.
 */
function pressHandler(component: string, { href, onPress, disabled }: Pressable) {
  return (e: MouseEvent) => {
    if (disabled) {
      e.preventDefault();
      return;
    }
    if (href && typeof href === "object") {
      e.preventDefault();
      console.info(`[preview harness] ${component} navigates to Dashboard route`, href);
    }
    invoke(onPress, pressEvent(e));
  };
}

function anchorProps(component: string, { href, target }: Pressable, external?: boolean) {
  if (href === undefined) return {};
  if (typeof href === "string") {
    if (!/^(https?:|mailto:|\/)/.test(href)) reportViolation(component, `href ${JSON.stringify(href)} is not an absolute URL or path`);
    const newTab = target === "_blank" || (target === undefined && external);
    return { href, target: newTab ? "_blank" : target, rel: "noreferrer" };
  }
  return { href: "#" };
}

export function Button(props: Pressable & { type?: string; size?: string; pending?: boolean }) {
  const className = `sdk-button sdk-button--${props.type ?? "secondary"} sdk-button--${props.size ?? "medium"}`;
  const onClick = pressHandler("Button", { ...props, disabled: props.disabled || props.pending });
  const style = cssToStyle("Button", props.css);
  if (props.href !== undefined) {
    return (
      <a className={className} style={style} aria-disabled={props.disabled || undefined} onClick={onClick} {...anchorProps("Button", props)}>
        {props.children}
      </a>
    );
  }
  return (
    <button type="button" className={className} style={style} disabled={props.disabled || props.pending} aria-busy={props.pending || undefined} onClick={onClick}>
      {props.children}
    </button>
  );
}

export function Link(props: Pressable & { type?: string; external?: boolean; rel?: string; tabIndex?: number }) {
  const className = `sdk-link sdk-link--${props.type ?? "primary"}`;
  const onClick = pressHandler("Link", props);
  const style = cssToStyle("Link", props.css);
  if (props.href === undefined) {
    return (
      <button type="button" className={`${className} sdk-link--button`} style={style} disabled={props.disabled} onClick={onClick} tabIndex={props.tabIndex}>
        {props.children}
      </button>
    );
  }
  return (
    <a className={className} style={style} onClick={onClick} tabIndex={props.tabIndex} {...anchorProps("Link", props, props.external)}>
      {props.children}
      {props.external && <span aria-hidden="true"> ↗</span>}
    </a>
  );
}
