import { useId, useState, type ReactNode } from "react";

/** Shown while the trigger is hovered or focused, like the Dashboard's tooltips. */
export function Tooltip({ trigger, children, placement = "top", type = "label" }: { trigger?: ReactNode; children?: ReactNode; placement?: string; type?: string; delay?: number }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span
      className="sdk-tooltip"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      aria-describedby={open ? id : undefined}
      tabIndex={0}
    >
      {trigger}
      {open && (
        <span role="tooltip" id={id} className={`sdk-tooltip__bubble sdk-tooltip__bubble--${placement.split(" ")[0]} sdk-tooltip__bubble--${type}`}>
          {children}
        </span>
      )}
    </span>
  );
}
