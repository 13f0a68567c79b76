import type { ReactNode } from "react";

// The SDK's six badge types, coloured as Stripe's status pills.
export function Badge({ children, type = "neutral" }: { children?: ReactNode; type?: string }) {
  return (
    <span className={`sdk-badge sdk-badge--${type}`} data-badge-type={type}>
      {children}
    </span>
  );
}
