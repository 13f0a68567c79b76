// `npm run app:contract`: writes stripe-app/src/generated/contract.ts, everything the
// extension needs from the host, so that stripe-app/ type-checks and bundles as a copy on
// its own (Stripe's CLI uploads that folder alone). From the host's TypeScript it takes:
//   - every type src/contract exports, written out as plain JSON types (no zod);
//   - every constant src/contract exports whose value is a string, number or boolean;
//   - `AppRouter`: the router's procedures with their input and output types, rebuilt on
//     @trpc/server's public types, with no trace of the server's code or context.
// The contract stays the single source: test/appContract.test.ts fails when the file is
// stale. A type that is not plain JSON (a Date, a function, a class) stops the generator,
// since the wire format is plain JSON with no transformer.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const root = path.resolve(import.meta.dirname, "..");
export const OUTPUT = path.join(root, "stripe-app/src/generated/contract.ts");
const CONTRACT = path.join(root, "src/contract/index.ts");
const ROUTER = path.join(root, "src/server/api/root.ts");

function program() {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  return ts.createProgram({ rootNames: [CONTRACT, ROUTER], options: { ...config.options, noEmit: true, incremental: false } });
}

const F = ts.TypeFlags;

/** Prints types as TypeScript source, naming the contract's own types where they recur. */
function typePrinter(checker, names) {
  const prop = (type, name) => {
    const symbol = checker.getPropertyOfType(type, name);
    if (!symbol) throw new Error(`expected a property "${name}" on ${checker.typeToString(type)}`);
    return checker.getTypeOfSymbol(symbol);
  };

  function print(type, indent = "", self = undefined) {
    const named = names.get(type);
    if (named && named !== self) return named;
    const f = type.flags;
    if (f & F.String) return "string";
    if (f & F.Number) return "number";
    if (f & F.Boolean) return "boolean";
    if (f & F.Null) return "null";
    if (f & F.Undefined) return "undefined";
    if (f & F.Void) return "void";
    if (f & F.Unknown) return "unknown";
    if (f & F.Never) return "never";
    if (f & F.StringLiteral) return JSON.stringify(type.value);
    if (f & F.NumberLiteral) return String(type.value);
    if (f & F.BooleanLiteral) return checker.typeToString(type);
    if (type.isUnion()) {
      const members = type.types;
      const hasBoth = ["true", "false"].every((b) => members.some((m) => m.flags & F.BooleanLiteral && checker.typeToString(m) === b));
      const printed = members
        .filter((m) => !(hasBoth && m.flags & F.BooleanLiteral))
        .map((m) => print(m, indent));
      if (hasBoth) printed.push("boolean");
      return printed.join(" | ");
    }
    if (checker.isArrayType(type)) {
      const element = print(checker.getTypeArguments(type)[0], indent);
      return /[|&]/.test(element) && !element.startsWith("{") ? `(${element})[]` : `${element}[]`;
    }
    if (checker.isTupleType(type)) return `[${checker.getTypeArguments(type).map((t) => print(t, indent)).join(", ")}]`;
    if (f & F.Object || type.isIntersection()) {
      if (type.getCallSignatures().length || type.getConstructSignatures().length) {
        throw new Error(`not a JSON type: ${checker.typeToString(type)}`);
      }
      const symbol = type.getSymbol();
      if (symbol && ["Date", "Map", "Set", "Promise", "RegExp"].includes(symbol.getName())) {
        throw new Error(`not a JSON type: ${checker.typeToString(type)}`);
      }
      const inner = `${indent}  `;
      const lines = checker.getPropertiesOfType(type).map((p) => {
        const doc = ts.displayPartsToString(p.getDocumentationComment(checker)).replace(/\s+/g, " ").trim();
        const optional = p.flags & ts.SymbolFlags.Optional ? "?" : "";
        const key = /^[A-Za-z_$][\w$]*$/.test(p.getName()) ? p.getName() : JSON.stringify(p.getName());
        return `${doc ? `${inner}/** ${doc} */\n` : ""}${inner}${key}${optional}: ${print(checker.getTypeOfSymbol(p), inner)};`;
      });
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
      if (index) lines.push(`${inner}[key: string]: ${print(index.type, inner)};`);
      return lines.length ? `{\n${lines.join("\n")}\n${indent}}` : "{}";
    }
    throw new Error(`not a JSON type: ${checker.typeToString(type)}`);
  }

  return { print, prop };
}

/** The generated module's text. */
export function generateAppContract() {
  const prog = program();
  const checker = prog.getTypeChecker();
  const exportsOf = (file) => {
    const source = prog.getSourceFile(file);
    if (!source) throw new Error(`cannot read ${file}`);
    return checker
      .getExportsOfModule(checker.getSymbolAtLocation(source))
      .map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s));
  };

  const contract = exportsOf(CONTRACT);
  const types = contract.filter((s) => s.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface));
  // Recurring object and union types are written by name; primitives never are.
  const names = new Map();
  for (const s of types) {
    const t = checker.getDeclaredTypeOfSymbol(s);
    if ((t.flags & F.Object || (t.isUnion() && !(t.flags & F.Boolean))) && !names.has(t)) names.set(t, s.getName());
  }
  const { print, prop } = typePrinter(checker, names);

  const constants = contract.flatMap((s) => {
    if (!(s.flags & ts.SymbolFlags.BlockScopedVariable)) return [];
    const t = checker.getTypeOfSymbol(s);
    return t.flags & (F.StringLiteral | F.NumberLiteral | F.BooleanLiteral) ? [`export const ${s.getName()} = ${print(t)};`] : [];
  });
  const typeDecls = types.map((s) => {
    const doc = ts.displayPartsToString(s.getDocumentationComment(checker)).trim();
    const decl = `export type ${s.getName()} = ${print(checker.getDeclaredTypeOfSymbol(s), "", s.getName())};`;
    return doc ? `/** ${doc.replace(/\n/g, "\n * ")} */\n${decl}` : decl;
  });

  const appRouter = exportsOf(ROUTER).find((s) => s.getName() === "appRouter");
  if (!appRouter) throw new Error("src/server/api/root.ts exports no appRouter");
  const routerDef = prop(checker.getTypeOfSymbol(appRouter), "_def");
  const kinds = { query: "TRPCQueryProcedure", mutation: "TRPCMutationProcedure", subscription: "TRPCSubscriptionProcedure" };
  const used = new Set();
  const record = (type, indent) => {
    const inner = `${indent}  `;
    const lines = checker.getPropertiesOfType(type).map((p) => {
      const value = checker.getTypeOfSymbol(p);
      const def = checker.getPropertyOfType(value, "_def") && prop(value, "_def");
      if (!def || !checker.getPropertyOfType(def, "procedure")) return `${inner}${p.getName()}: ${record(value, inner)};`;
      const kind = kinds[prop(def, "type").value];
      used.add(kind);
      const $types = prop(def, "$types");
      return (
        `${inner}${p.getName()}: ${kind}<{\n` +
        `${inner}  input: ${print(prop($types, "input"), `${inner}  `)};\n` +
        `${inner}  output: ${print(prop($types, "output"), `${inner}  `)};\n` +
        `${inner}  meta: object;\n${inner}}>;`
      );
    });
    return `{\n${lines.join("\n")}\n${indent}}`;
  };
  const procedures = record(prop(routerDef, "record"), "");
  const errorShape = print(prop(prop(prop(routerDef, "_config"), "$types"), "errorShape"), "    ");

  return [
    "// Generated by `npm run app:contract` from the host's src/contract and its AppRouter.",
    "// Do not edit: change the contract, then run the command again (a test fails while this is stale).",
    `import type { TRPCBuiltRouter, ${[...used].sort().join(", ")} } from "@trpc/server";`,
    "",
    ...constants,
    "",
    typeDecls.join("\n\n"),
    "",
    "/** The host's API as the client sees it: procedure names, inputs and outputs (plain JSON, no transformer). */",
    "export type AppRouter = TRPCBuiltRouter<",
    "  {",
    "    ctx: object;",
    "    meta: object;",
    `    errorShape: ${errorShape};`,
    "    transformer: false;",
    "  },",
    `  ${procedures.replace(/\n/g, "\n  ")}`,
    ">;",
    "",
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, generateAppContract());
  console.log(`Wrote ${path.relative(process.cwd(), OUTPUT)}`);
}
