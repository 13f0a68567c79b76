// Derives the props contract of every SDK component from the SDK's own type declarations
// (`@stripe/ui-extension-sdk/ui` index.d.ts), so the harness checks what the extension
// sends against the same contract Stripe's Dashboard renderer enforces, without a hand
// copied list that drifts when the SDK changes.
//
// Output: { [component]: { [prop]: Shape } }, Shape = { types: string[], literals?: [],
// nested?: { [key]: Shape } } where types ⊆ string|number|boolean|object|function|node.
import ts from "typescript";

function shapeOf(checker, type) {
  const shape = { types: new Set(), literals: new Set() };
  const members = type.isUnion() ? type.types : [type];
  for (const t of members) {
    const f = t.flags;
    const name = checker.typeToString(t);
    if (f & ts.TypeFlags.Undefined || f & ts.TypeFlags.Null || f & ts.TypeFlags.Void) continue;
    if (/^React\.(ReactNode|ReactElement)|^ReactElement|^ReactNode|JSXElementConstructor|ReactPortal|Iterable<ReactNode>/.test(name)) {
      shape.types.add("node");
    } else if (f & ts.TypeFlags.StringLiteral || f & ts.TypeFlags.NumberLiteral) {
      shape.literals.add(t.value);
    } else if (f & ts.TypeFlags.BooleanLiteral) {
      shape.types.add("boolean");
    } else if (f & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral)) {
      shape.types.add("string");
    } else if (f & ts.TypeFlags.Number) {
      shape.types.add("number");
    } else if (f & ts.TypeFlags.Boolean) {
      shape.types.add("boolean");
    } else if (t.getCallSignatures().length > 0) {
      shape.types.add("function");
    } else if (f & ts.TypeFlags.Any || f & ts.TypeFlags.Unknown) {
      for (const k of ["string", "number", "boolean", "object", "function", "node"]) shape.types.add(k);
    } else {
      shape.types.add("object");
    }
  }
  return shape;
}

function serialise(shape) {
  const out = { types: [...shape.types].sort() };
  if (shape.literals.size) out.literals = [...shape.literals];
  if (shape.nested) out.nested = Object.fromEntries(Object.entries(shape.nested).map(([k, v]) => [k, serialise(v)]));
  if (shape.items) out.items = Object.fromEntries(Object.entries(shape.items).map(([k, v]) => [k, serialise(v)]));
  return out;
}

/**
 * A chart's `data`: the fields its rows may have, merged over the declared row types
 * (ui/next: `{x: Date, y, name, period: "actual" | "forecast"}`…). Undefined for open rows
 * (an index signature: any field goes), which are checked only as objects.
 */
function rowFields(checker, type, location) {
  const rows = [];
  for (const t of type.isUnion() ? type.types : [type]) {
    if (checker.isArrayType(t)) rows.push(...flatten(checker.getTypeArguments(t)[0]));
  }
  if (rows.length === 0 || rows.some((r) => checker.getIndexInfosOfType(r).length > 0)) return undefined;
  const fields = new Map();
  for (const row of rows) {
    for (const p of checker.getPropertiesOfType(row)) fields.set(p.name, [...(fields.get(p.name) ?? []), p]);
  }
  return Object.fromEntries([...fields].map(([name, symbols]) => [name, propShape(checker, symbols, location, 1)]));
}

const flatten = (t) => (t.isUnion() ? t.types.flatMap(flatten) : [t]);

function propsOf(checker, type) {
  const props = new Map();
  for (const t of type.isUnion() ? type.types : [type]) {
    for (const p of checker.getPropertiesOfType(t)) {
      const list = props.get(p.name) ?? [];
      list.push(p);
      props.set(p.name, list);
    }
  }
  return props;
}

function propShape(checker, symbols, location, depth) {
  const merged = { types: new Set(), literals: new Set(), nested: undefined, items: undefined };
  for (const symbol of symbols) {
    const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, location));
    const shape = shapeOf(checker, type);
    shape.types.forEach((x) => merged.types.add(x));
    shape.literals.forEach((x) => merged.literals.add(x));
    // Style tokens (`css`) are checked key by key; other objects only by kind.
    if (depth === 0 && symbol.name === "data") {
      const fields = rowFields(checker, type, location);
      if (fields) merged.items = { ...merged.items, ...fields };
    }
    if (depth === 0 && symbol.name === "css") {
      merged.nested ??= {};
      for (const [key, syms] of propsOf(checker, type)) {
        merged.nested[key] = propShape(checker, syms, location, depth + 1);
      }
    }
  }
  return merged;
}

/** Reads `ui/index.d.ts` and returns the contract of every `XProps` with a component `X`. */
export function extractPropContract(uiDtsPath) {
  const program = ts.createProgram([uiDtsPath], { skipLibCheck: true, noEmit: true, strict: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(uiDtsPath);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const exports = checker.getExportsOfModule(moduleSymbol);
  const names = new Set(exports.map((s) => s.name));
  const contract = {};
  for (const symbol of exports) {
    const component = symbol.name.replace(/Props$/, "");
    if (!symbol.name.endsWith("Props") || !names.has(component)) continue;
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const props = {};
    for (const [name, symbols] of propsOf(checker, type)) {
      props[name] = serialise(propShape(checker, symbols, source, 0));
    }
    contract[component] = props;
  }
  return contract;
}
