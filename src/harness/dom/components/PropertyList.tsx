import type { ReactNode } from "react";

export function PropertyList({ children, orientation = "vertical" }: { children?: ReactNode; orientation?: string }) {
  return <dl className={`sdk-propertylist sdk-propertylist--${orientation}`}>{children}</dl>;
}

export function PropertyListItem({ label, value }: { label?: ReactNode; value?: ReactNode }) {
  return (
    <div className="sdk-propertylist__item">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
