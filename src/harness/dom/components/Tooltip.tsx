import { useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";

const MARGIN = 8;

/**
 * Shown while the trigger is hovered or focused, like the Dashboard's tooltips. The bubble
 * is placed in viewport coordinates and kept inside the drawer, so an icon at the drawer's
 * edge does not get its tooltip cut off by the drawer's scrolling body.
 */
export function Tooltip({ trigger, children, placement = "top", type = "label" }: { trigger?: ReactNode; children?: ReactNode; placement?: string; type?: string; delay?: number }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLSpanElement>(null);
  const bubble = useRef<HTMLSpanElement>(null);
  const [style, setStyle] = useState<CSSProperties>({ visibility: "hidden" });
  const side = placement.split(" ")[0];

  useLayoutEffect(() => {
    if (!open || !anchor.current || !bubble.current) return;
    const a = anchor.current.getBoundingClientRect();
    const b = bubble.current.getBoundingClientRect();
    const bounds = anchor.current.closest(".drawer")?.getBoundingClientRect() ?? { left: 0, right: window.innerWidth };
    const clampX = (x: number) => Math.max(bounds.left + MARGIN, Math.min(x, bounds.right - MARGIN - b.width));
    const clampY = (y: number) => Math.max(MARGIN, Math.min(y, window.innerHeight - MARGIN - b.height));
    const centreX = clampX(a.left + a.width / 2 - b.width / 2);
    const at =
      side === "bottom"
        ? { left: centreX, top: a.bottom + 6 }
        : side === "left" || side === "start"
          ? { left: clampX(a.left - 6 - b.width), top: clampY(a.top) }
          : side === "right" || side === "end"
            ? { left: clampX(a.right + 6), top: clampY(a.top) }
            : { left: centreX, top: Math.max(MARGIN, a.top - 6 - b.height) };
    setStyle({ position: "fixed", ...at });
  }, [open, side]);

  return (
    <span
      ref={anchor}
      className="sdk-tooltip"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => {
        setOpen(false);
        setStyle({ visibility: "hidden" });
      }}
      onFocus={() => setOpen(true)}
      onBlur={() => {
        setOpen(false);
        setStyle({ visibility: "hidden" });
      }}
      aria-describedby={open ? id : undefined}
      tabIndex={0}
    >
      {trigger}
      {open && (
        <span ref={bubble} role="tooltip" id={id} style={style} className={`sdk-tooltip__bubble sdk-tooltip__bubble--${type}`}>
          {children}
        </span>
      )}
    </span>
  );
}
