import type { CSSProperties } from "react";
import { background, borderColor, font, radius, shadow, space, textColor } from "./tokens";
import { reportViolation } from "./violations";

type Tokens = Record<string, unknown>;

const px = (v: unknown): string | undefined =>
  typeof v === "number" ? `${v}px` : typeof v === "string" && v in space ? `${space[v]}px` : undefined;

function size(v: unknown): string | undefined {
  if (typeof v === "number") return `${v}px`;
  if (typeof v !== "string") return undefined;
  const frac = v.match(/^(\d+)\/(\d+)$/);
  if (frac) return `${(Number(frac[1]) / Number(frac[2])) * 100}%`;
  return { auto: "auto", fill: "100%", min: "min-content", max: "max-content", fit: "fit-content" }[v];
}

const AXIS_X: Record<string, string> = { start: "flex-start", center: "center", end: "flex-end", stretch: "stretch" };
const AXIS_Y: Record<string, string> = { top: "flex-start", center: "center", baseline: "baseline", bottom: "flex-end", stretch: "stretch" };

/** Sides a shorthand token covers. */
const SIDES: Record<string, string[]> = {
  "": ["Top", "Right", "Bottom", "Left"],
  X: ["Left", "Right"],
  Y: ["Top", "Bottom"],
  Top: ["Top"],
  Right: ["Right"],
  Bottom: ["Bottom"],
  Left: ["Left"],
};

/**
 * Turns an SDK `css` prop into inline styles. Every key the SDK declares for the component
 * is accepted by the contract check; a key this function does not translate is reported,
 * so a layout the harness cannot show is never silently dropped.
 */
export function cssToStyle(component: string, css: Tokens | undefined, inline = false): CSSProperties {
  const s: Record<string, string | number | undefined> = {};
  if (!css) return s;
  const stack = css.stack as string | undefined;
  if (stack === "x" || stack === "y") {
    s.display = inline ? "inline-flex" : "flex";
    s.flexDirection = stack === "x" ? "row" : "column";
  } else if (stack === "z") {
    s.display = "grid";
  }
  for (const [key, value] of Object.entries(css)) {
    if (value === undefined) continue;
    const side = key.match(/^(padding|margin|bleed)(X|Y|Top|Right|Bottom|Left)?$/);
    if (side) {
      for (const edge of SIDES[side[2] ?? ""]!) {
        const amount = px(value);
        if (side[1] === "bleed") s[`margin${edge}`] = amount && `-${amount}`;
        else s[`${side[1]}${edge}`] = amount;
      }
      continue;
    }
    switch (key) {
      case "stack":
        break;
      case "gap":
        s.gap = px(value);
        break;
      case "gapX":
      case "columnGap":
        s.columnGap = px(value);
        break;
      case "gapY":
      case "rowGap":
        s.rowGap = px(value);
        break;
      case "alignX":
        if (stack === "x") s.justifyContent = AXIS_X[value as string];
        else if (stack === "z") s.justifyItems = value as string;
        else if (stack === "y") s.alignItems = AXIS_X[value as string];
        else s.textAlign = value === "end" ? "right" : value === "center" ? "center" : "left";
        break;
      case "alignY":
        if (stack === "x") s.alignItems = AXIS_Y[value as string];
        else if (stack === "z") s.alignItems = value as string;
        else s.justifyContent = AXIS_Y[value as string];
        break;
      case "alignSelfX":
        s.justifySelf = value as string;
        s.alignSelf = AXIS_X[value as string];
        break;
      case "alignSelfY":
        s.alignSelf = AXIS_Y[value as string];
        break;
      case "distribute":
        s.justifyContent = value === "space-between" ? "space-between" : "flex-start";
        break;
      case "wrap":
        s.flexWrap = value as string;
        break;
      case "display":
        s.display = value as string;
        break;
      case "gridColumns":
        s.gridTemplateColumns = `repeat(${value}, minmax(0, 1fr))`;
        break;
      case "width":
      case "height":
      case "minWidth":
      case "maxWidth":
      case "minHeight":
      case "maxHeight":
        s[key] = size(value);
        break;
      case "top":
      case "bottom":
      case "left":
      case "inset":
        s[key] = px(value);
        if (!s.position) s.position = "relative";
        break;
      case "color":
        s.color = textColor[value as string];
        break;
      case "fill":
        // Icons draw with currentColor; a literal SVG fill would flood their outlines.
        s.color = textColor[value as string];
        break;
      case "backgroundColor":
        s.backgroundColor = background[value as string];
        break;
      case "font": {
        const f = font[value as string];
        if (f) Object.assign(s, f);
        break;
      }
      case "fontWeight":
        s.fontWeight = { regular: 400, semibold: 600, bold: 700 }[value as string];
        break;
      case "fontFamily":
        s.fontFamily = value === "monospace" ? "Menlo, Consolas, monospace" : "inherit";
        break;
      case "borderRadius":
      case "borderTopLeftRadius":
      case "borderTopRightRadius":
      case "borderBottomLeftRadius":
      case "borderBottomRightRadius":
        s[key] = radius[value as string];
        break;
      case "borderColor":
      case "borderTopColor":
      case "borderRightColor":
      case "borderBottomColor":
      case "borderLeftColor":
      case "keyline":
        if (key === "keyline") {
          s.border = `1px solid ${borderColor[value as string]}`;
        } else {
          s[key] = borderColor[value as string];
          s[key.replace("Color", "Style")] ??= "solid";
          s[key.replace("Color", "Width")] ??= "1px";
        }
        break;
      case "borderStyle":
      case "borderTopStyle":
      case "borderRightStyle":
      case "borderBottomStyle":
      case "borderLeftStyle":
        s[key] = value as string;
        break;
      case "borderWidth":
      case "borderTopWidth":
      case "borderRightWidth":
      case "borderBottomWidth":
      case "borderLeftWidth":
        s[key] = `${value}px`;
        break;
      case "boxShadow":
      case "focusRing":
        s.boxShadow = shadow[value as string];
        break;
      case "topShadow":
        s.boxShadow = shadow.top;
        break;
      case "overflow":
      case "overflowX":
      case "overflowY":
      case "overflowWrap":
      case "textAlign":
      case "textTransform":
      case "whiteSpace":
      case "wordBreak":
      case "wordWrap":
        s[key] = value as string;
        break;
      case "textOverflow":
        s.textOverflow = "ellipsis";
        s.overflow = "hidden";
        s.whiteSpace = "nowrap";
        break;
      case "zIndex":
        s.zIndex = value === "overlay" ? 10 : 1;
        break;
      case "minTileWidth":
        s.gridTemplateColumns = `repeat(auto-fill, minmax(${px(value)}, 1fr))`;
        break;
      default:
        reportViolation(component, `css.${key} is accepted by the SDK but not rendered by the harness`);
    }
  }
  return s as CSSProperties;
}
