import { isValidElement } from "react";
import contract from "harness:contract";
import { reportViolation } from "./violations";

export interface Shape {
  types: string[];
  literals?: (string | number)[];
  nested?: Record<string, Shape>;
}

export type ComponentContract = Record<string, Shape>;

/** Every SDK component's props, derived at build time from the SDK's declarations. */
export const sdkContract = contract as Record<string, ComponentContract>;

// What `withSdkProps` adds to every SDK component on its way out of the sandbox.
const SDK_PROPS = new Set(["wrappedComponentName", "sdkVersion", "schemaVersion"]);

function isNode(value: unknown): boolean {
  if (value == null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every(isNode);
  return isValidElement(value);
}

function matches(shape: Shape, value: unknown): boolean {
  if (shape.literals?.includes(value as string | number)) return true;
  return shape.types.some((type) => {
    switch (type) {
      case "node":
        return isNode(value);
      case "object":
        return typeof value === "object" && value !== null && !isValidElement(value);
      default:
        return typeof value === type;
    }
  });
}

function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (isValidElement(value)) return "a React element";
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return String(value);
  }
}

function expected(shape: Shape): string {
  return [...(shape.literals ?? []).map((l) => JSON.stringify(l)), ...shape.types].join(" | ");
}

function checkShape(component: string, name: string, shape: Shape, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!matches(shape, value)) {
    reportViolation(component, `prop ${name} = ${describe(value)}, expected ${expected(shape)}`);
    return;
  }
  if (shape.nested && typeof value === "object") {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const innerShape = shape.nested[key];
      if (!innerShape) reportViolation(component, `${name}.${key} is not a ${name} property the SDK declares`);
      else checkShape(component, `${name}.${key}`, innerShape, inner);
    }
  }
}

/** Reports every way these props break the component's declared contract. */
export function checkProps(component: string, declared: ComponentContract, props: Record<string, unknown>): void {
  if (props.schemaVersion !== undefined && props.schemaVersion !== "v9") {
    reportViolation(component, `schemaVersion ${describe(props.schemaVersion)}, the harness implements v9`);
  }
  for (const [name, value] of Object.entries(props)) {
    if (SDK_PROPS.has(name)) continue;
    const shape = declared[name];
    if (!shape) reportViolation(component, `unknown prop ${name} = ${describe(value)}`);
    else checkShape(component, name, shape, value);
  }
}
