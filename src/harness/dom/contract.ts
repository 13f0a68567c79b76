import { isValidElement } from "react";
import contract from "harness:contract";
import { reportViolation } from "./violations";

export interface Shape {
  types: string[];
  literals?: (string | number)[];
  nested?: Record<string, Shape>;
  /** A chart's `data`: the fields each row may have. */
  items?: Record<string, Shape>;
}

export type ComponentContract = Record<string, Shape>;

/** Every SDK component's props, derived at build time from the SDK's declarations. */
export const sdkContract: Record<string, ComponentContract> = contract.v9;

/** The same for `@stripe/ui-extension-sdk/ui/next`, whose components say schemaVersion "v9Next". */
export const sdkNextContract: Record<string, ComponentContract> = contract.v9Next;

export type SchemaVersion = "v9" | "v9Next";

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
  if (shape.items && Array.isArray(value)) {
    value.forEach((row, i) => {
      if (typeof row !== "object" || row === null) {
        reportViolation(component, `${name}[${i}] = ${describe(row)}, expected an object`);
        return;
      }
      for (const [key, inner] of Object.entries(row as Record<string, unknown>)) {
        const innerShape = shape.items![key];
        if (!innerShape) reportViolation(component, `${name}[${i}].${key} is not a field the SDK declares for ${name}`);
        else checkShape(component, `${name}[${i}].${key}`, innerShape, inner);
      }
    });
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
export function checkProps(
  component: string,
  declared: ComponentContract,
  props: Record<string, unknown>,
  schema: SchemaVersion = "v9",
): void {
  if (props.schemaVersion !== undefined && props.schemaVersion !== schema) {
    reportViolation(component, `schemaVersion ${describe(props.schemaVersion)}, the harness implements ${schema}`);
  }
  for (const [name, value] of Object.entries(props)) {
    if (SDK_PROPS.has(name)) continue;
    const shape = declared[name];
    if (!shape) reportViolation(component, `unknown prop ${name} = ${describe(value)}`);
    else checkShape(component, name, shape, value);
  }
}
