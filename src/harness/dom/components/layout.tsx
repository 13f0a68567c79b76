import type { ReactNode } from "react";
import { cssToStyle } from "../css";

type Css = Record<string, unknown> | undefined;

export function Box({ children, css }: { children?: ReactNode; css?: Css }) {
  return (
    <div className="sdk-box" style={cssToStyle("Box", css)}>
      {children}
    </div>
  );
}

export function Inline({ children, css }: { children?: ReactNode; css?: Css }) {
  return (
    <span className="sdk-inline" style={cssToStyle("Inline", css, true)}>
      {children}
    </span>
  );
}

export function Divider() {
  return <hr className="sdk-divider" />;
}
