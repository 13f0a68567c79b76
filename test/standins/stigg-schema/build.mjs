// Rebuilds schema.graphql from Stigg's public Go client (see README.md beside this file).
// Usage: node build.mjs <generated-stiggModels.go> <generated-stiggClient.go> <older schema.graphql> > schema.graphql
// Notes on what had to be assumed go to stderr.
import { readFileSync } from "node:fs";
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  parse,
  print,
  validate,
  visit,
} from "graphql";

const [modelsPath, clientPath, oldPath] = process.argv.slice(2);
const models = readFileSync(modelsPath, "utf8");
const client = readFileSync(clientPath, "utf8");
const old = buildASTSchema(parse(readFileSync(oldPath, "utf8")), { assumeValidSDL: true });
const notes = [];
const note = (s) => notes.push(s);

// ---- Go models: gqlgen output. A pointer is a nullable field; a value is non-null. ----
const GO_SCALARS = { string: "String", bool: "Boolean", int64: "Int", float64: "Float", "map[string]interface{}": "JSON" };
const unions = new Map(); // union name -> members
const enums = new Map(); // enum name -> values
const structs = new Map(); // name -> { input, fields: [{name, goType, doc}], doc }
const docs = new Map();

const lines = models.split("\n");
let doc = [];
for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  if (line.startsWith("// ")) {
    doc.push(line.slice(3));
    continue;
  }
  let m;
  if ((m = /^type (\w+) interface \{/.exec(line))) {
    unions.set(m[1], []);
    docs.set(m[1], doc.join("\n"));
  } else if ((m = /^func \((\w+)\) Is(\w+)\(\) \{\}/.exec(line))) {
    unions.get(m[2])?.push(m[1]);
  } else if ((m = /^type (\w+) string$/.exec(line))) {
    enums.set(m[1], []);
    docs.set(m[1], doc.join("\n"));
  } else if ((m = /^var All(\w+) = \[\]\w+\{$/.exec(line))) {
    const values = [];
    while (!/^\}/.test(lines[++i])) values.push(lines[i].trim().replace(/,$/, ""));
    enums.set(m[1], values);
  } else if ((m = /^type (\w+) struct \{$/.exec(line))) {
    const fields = [];
    let fieldDoc = [];
    while (!/^\}/.test(lines[++i])) {
      const l = lines[i].trim();
      if (l.startsWith("//")) {
        fieldDoc.push(l.replace(/^\/\/ ?/, ""));
        continue;
      }
      const f = /^(\w+)\s+(\S+)\s+`json:"(\w+)(,omitempty)?"`$/.exec(l);
      if (!f) throw new Error(`unparsed field in ${m[1]}: ${l}`);
      fields.push({ name: f[3], goType: f[2], omitempty: !!f[4], doc: fieldDoc.join("\n") });
      fieldDoc = [];
    }
    structs.set(m[1], { input: fields.some((f) => f.omitempty), fields });
    docs.set(m[1], doc.join("\n"));
  }
  doc = [];
}
// Enum constants: `Go Name = "VALUE"`; the All list above names the Go constants.
const constValue = new Map();
for (const m of models.matchAll(/^\t(\w+)\s+(\w+)\s+= "([^"]*)"$/gm)) constValue.set(m[1], m[3]);
for (const [name, consts] of enums) {
  if (!consts.length) throw new Error(`enum ${name} has no values`);
  enums.set(name, consts.map((c) => constValue.get(c) ?? c));
}

// gqlgen gives Go names (AutoRechargeSettingsDTO becomes AutoRechargeSettingsDto); the
// GraphQL name is the one the older SDL, the client's documents or an enum's error message
// spell the same way up to case.
const gqlNames = new Map();
const known = (n) => gqlNames.set(n.toLowerCase(), n);
for (const n of Object.keys(old.getTypeMap())) known(n);
for (const m of client.matchAll(/^const \w+Document = `([\s\S]*?)^`$/gm)) {
  visit(parse(m[1]), { NamedType: (n) => void known(n.name.value) });
}
for (const m of models.matchAll(/is not a valid (\w+)"/g)) known(m[1]);
const gql = (goName) => {
  const n = gqlNames.get(goName.toLowerCase());
  if (!n) return goName;
  if (n !== goName) note(`Go ${goName} is GraphQL ${n}`);
  return n;
};

// From here on, every type goes by its GraphQL name.
const renamed = (m) => new Map([...m].map(([k, v]) => [gql(k), v]));
for (const [, s] of structs) for (const f of s.fields) f.goType = f.goType.replace(/\w+$/, (t) => (GO_SCALARS[t] ? t : gql(t)));
for (const [k, v] of unions) unions.set(k, v.map(gql));
for (const m of [structs, enums, unions, docs]) {
  const next = renamed(m);
  m.clear();
  for (const [k, v] of next) m.set(k, v);
}

// An input type: gqlgen tags its optional fields omitempty; one with only required fields is
// an input when the older SDL or a document says so, or when an input type holds it.
const inputNames = new Set([...structs].filter(([, s]) => s.input).map(([n]) => n));
for (const t of Object.values(old.getTypeMap())) if (isInputObjectType(t) && structs.has(t.name)) inputNames.add(t.name);
for (const m of client.matchAll(/^const \w+Document = `([\s\S]*?)^`$/gm)) {
  visit(parse(m[1]), { VariableDefinition: (v) => void inputNames.add(getNamedTypeNode(v.type)) });
}
for (let grown = true; grown; ) {
  grown = false;
  for (const n of [...inputNames]) {
    for (const f of structs.get(n)?.fields ?? []) {
      const t = f.goType.replace(/^(\[\])?\*?/, "");
      if (structs.has(t) && !inputNames.has(t)) (inputNames.add(t), (grown = true));
    }
  }
}
for (const [n, s] of structs) s.input = inputNames.has(n);

const STRINGISH = new Set(["String", "ID", "DateTime", "ConnectionCursor"]);
/** A string field new since the older SDL: the scalar its name has elsewhere in that SDL. */
const scalarByFieldName = new Map();
for (const t of Object.values(old.getTypeMap())) {
  if (!(isObjectType(t) || isInputObjectType(t)) || t.name.startsWith("__")) continue;
  for (const f of Object.values(t.getFields())) {
    const n = getNamedType(f.type).name;
    if (!STRINGISH.has(n)) continue;
    const counts = scalarByFieldName.get(f.name) ?? {};
    counts[n] = (counts[n] ?? 0) + 1;
    scalarByFieldName.set(f.name, counts);
  }
}
const guessStringScalar = (field) => {
  const counts = scalarByFieldName.get(field);
  // Only a name that is one scalar wherever it appears (createdAt, cursor); eq or gte are not.
  const kinds = Object.keys(counts ?? {});
  return kinds.length === 1 ? kinds[0] : "String";
};

function oldField(typeName, field) {
  const t = old.getType(typeName);
  return t && (isObjectType(t) || isInputObjectType(t)) ? t.getFields()[field] : undefined;
}

/** The SDL type of one Go field, the older SDL settling what the Go type cannot say. */
function fieldType(typeName, f) {
  const before = oldField(typeName, f.name);
  let go = f.goType;
  const list = go.startsWith("[]");
  if (list) go = go.slice(2);
  const pointer = go.startsWith("*");
  if (pointer) go = go.slice(1);
  let named;
  let kind;
  if (GO_SCALARS[go]) {
    named = GO_SCALARS[go];
    kind = "scalar";
    if (named === "String") {
      const oldNamed = before && getNamedType(before.type).name;
      if (oldNamed && STRINGISH.has(oldNamed)) named = oldNamed;
      else {
        named = guessStringScalar(f.name);
        if (named !== "String") note(`${typeName}.${f.name}: scalar ${named}, from fields of that name in the older SDL`);
      }
    }
    if (named === "JSON" && before && getNamedType(before.type).name !== "JSON") throw new Error(`${typeName}.${f.name} JSON?`);
  } else if (enums.has(go)) (named = go), (kind = "enum");
  else if (unions.has(go)) (named = go), (kind = "union");
  else if (structs.has(go)) (named = go), (kind = "object");
  else throw new Error(`${typeName}.${f.name}: unknown Go type ${f.goType}`);

  if (!list) {
    if (kind === "union") {
      // A Go interface value cannot say whether it may be null.
      if (before) return isNonNullType(before.type) ? `${named}!` : named;
      note(`${typeName}.${f.name}: union field, assumed nullable`);
      return named;
    }
    return pointer ? named : `${named}!`;
  }
  // Lists: gqlgen gives no list nullability, and no element nullability for objects.
  let elementNonNull;
  let listNonNull;
  const oldList = before && (isNonNullType(before.type) ? before.type.ofType : before.type);
  if (before && isListType(oldList)) {
    listNonNull = isNonNullType(before.type);
    elementNonNull = isNonNullType(oldList.ofType);
  } else {
    listNonNull = false;
    elementNonNull = true;
    if (kind === "object" || kind === "union") note(`${typeName}.${f.name}: new list, assumed [${named}!] (nullable list)`);
  }
  if (kind === "scalar" || kind === "enum") elementNonNull = !pointer;
  return `[${named}${elementNonNull ? "!" : ""}]${listNonNull ? "!" : ""}`;
}

function getNamedTypeNode(t) {
  return t.kind === Kind.NAMED_TYPE ? t.name.value : getNamedTypeNode(t.type);
}

const description = (text) => (text ? `"""\n${text.replace(/"""/g, '\\"""')}\n"""\n` : "");
const indent = (s) => s.replace(/^(?=.)/gm, "  ");
const oldArgs = (typeName, field) => {
  const f = oldField(typeName, field);
  if (!f || !f.astNode?.arguments?.length) return "";
  return `(${f.astNode.arguments.map((a) => print(a)).join(", ")})`;
};
const deprecation = (typeName, field) => {
  const f = oldField(typeName, field);
  return f?.deprecationReason ? ` @deprecated(reason: ${JSON.stringify(f.deprecationReason)})` : "";
};

// ---- Stigg's generated GraphQL reference (docs.stigg.io/graphql-reference), where it says
// more than the Go client: a field it publishes as non-null, a root no Go operation uses.
// Each entry names its page. An entry may only make a field stricter, never change its type. ----
const REFERENCE = "https://docs.stigg.io/graphql-reference";
const published = new Map([
  ["Query.entitlementsWithSummary", { sdl: "entitlementsWithSummary(query: FetchEntitlementsQuery!): EntitlementsWithSummary!", page: "queries/entitlementsWithSummary" }],
  ["Query.creditBalanceSummary", { type: "CreditBalanceSummary!", deprecated: "Use credit entitlements to retrieve credit balance instead.", page: "queries/creditBalanceSummary" }],
  ["CreditBalanceSummary.balances", { type: "[CreditBalance!]!", page: "queries/creditBalanceSummary" }],
  ["EntitlementsWithSummary.entitlements", { type: "[EntitlementWithSummaryUnion!]!", page: "types/EntitlementsWithSummary" }],
  ["SubscriptionQueryConnection.edges", { type: "[SubscriptionQueryEdge!]!", page: "types/SubscriptionQueryConnection" }],
  ["CreditGrantConnection.edges", { type: "[CreditGrantEdge!]!", page: "types/CreditGrantConnection" }],
]);
const appliedPublished = new Set();
/** The published type of a field in place of the built one, when the reference is stricter. */
function publishedType(typeName, field, built) {
  const p = published.get(`${typeName}.${field}`);
  if (!p?.type) return built;
  const bare = (t) => t.replace(/!/g, "");
  if (bare(p.type) !== bare(built)) throw new Error(`${typeName}.${field}: published ${p.type}, built ${built}: not the same type`);
  if ([...built].filter((c) => c === "!").length > [...p.type].filter((c) => c === "!").length) {
    throw new Error(`${typeName}.${field}: published ${p.type} is looser than built ${built}`);
  }
  appliedPublished.add(`${typeName}.${field}`);
  if (p.type !== built) note(`${typeName}.${field}: ${p.type}, as published (${REFERENCE}/${p.page}); built ${built}`);
  return p.type;
}
const publishedDeprecation = (typeName, field) => {
  const reason = published.get(`${typeName}.${field}`)?.deprecated;
  return reason ? ` @deprecated(reason: ${JSON.stringify(reason)})` : "";
};

// ---- Query root: the older SDL's query fields, plus the roots and arguments the Go
// client's operations use; their variable types are taken as the argument types. ----
const documents = [...client.matchAll(/^const (\w+)Document = `([\s\S]*?)^`$/gm)].map((m) => ({ name: m[1], text: m[2] }));
const queries = documents.filter((d) => /^\s*query\b/.test(d.text));
const rootFields = new Map(); // name -> { args: Map(name -> typeString), returns }
for (const [name, f] of Object.entries(old.getQueryType().getFields())) {
  rootFields.set(name, { sdl: print(f.astNode), from: "older SDL" });
}
const responseStructs = new Map();
for (const m of client.matchAll(/^type (\w+) struct \{\n((?:\t.*\n)*?)\}/gm)) responseStructs.set(m[1], m[2]);
for (const q of queries) {
  const ast = parse(q.text);
  const fragments = new Map(ast.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const op = ast.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const varTypes = new Map((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, print(v.type)]));
  for (const sel of op.selectionSet.selections) {
    const root = sel.name.value;
    const known = rootFields.get(root);
    if (known) {
      const oldRoot = old.getQueryType().getFields()[root];
      for (const a of sel.arguments ?? []) {
        const before = oldRoot.args.find((x) => x.name === a.name.value);
        if (!before) throw new Error(`${q.name}: ${root}(${a.name.value}:) not in the older SDL`);
        if (a.value.kind !== Kind.VARIABLE) continue;
        const now = varTypes.get(a.value.name.value);
        if (getNamedType(before.type).name !== now.replace(/[[\]!]/g, "")) {
          throw new Error(`${q.name}: ${root}(${a.name.value}:) is ${before.type} in the older SDL, ${now} here`);
        }
      }
      continue;
    }
    const args = (sel.arguments ?? []).map((a) => {
      if (a.value.kind !== Kind.VARIABLE) throw new Error(`${q.name}: literal argument to a new root`);
      return `${a.name.value}: ${varTypes.get(a.value.name.value)}`;
    });
    // The root's type: the fragment spread under it, or under edges.node for a connection.
    const spread = (set) => set?.selections.find((s) => s.kind === Kind.FRAGMENT_SPREAD);
    let named;
    const direct = spread(sel.selectionSet);
    if (direct) named = fragments.get(direct.name.value).typeCondition.name.value;
    else {
      const edges = sel.selectionSet.selections.find((s) => s.name?.value === "edges");
      const node = edges?.selectionSet.selections.find((s) => s.name?.value === "node");
      const inner = spread(node?.selectionSet);
      // Else the model named after the root field, as for entitlementsState: EntitlementsState.
      if (inner) named = connectionOf(fragments.get(inner.name.value).typeCondition.name.value);
      else named = root.replace(/^./, (c) => c.toUpperCase());
    }
    if (!structs.has(named) && !unions.has(named)) throw new Error(`${q.name}: ${root} returns ${named}, not in the models`);
    // The client's Query struct, else gqlgenc's answer struct: a value is non-null; a pointer,
    // an interface (a union) or a fragment spread is not telling.
    const goTypeIn = (struct, key) =>
      (responseStructs.get(struct) ?? "")
        .split("\n")
        .find((l) => l.includes(`json:\\"${key}\\"`) || l.includes(`json:\\"${key},omitempty\\"`))
        ?.trim()
        .split(/\s+/)[1] ?? "";
    const goType = goTypeIn("Query", root) || goTypeIn(q.name.replace(/^./, (c) => c.toUpperCase()), sel.alias?.value ?? root);
    let returns;
    if (goType.startsWith("[]")) {
      returns = `[${named}!]`;
      note(`Query.${root}: list of ${named}, assumed [${named}!] (nullable list)`);
    } else if (goType && !goType.startsWith("*") && !unions.has(named)) returns = `${named}!`;
    else {
      returns = named;
      note(`Query.${root}: assumed nullable (the Go client's answer type does not say)`);
    }
    returns = publishedType("Query", root, returns);
    rootFields.set(root, { sdl: `${root}(${args.join(", ")}): ${returns}${publishedDeprecation("Query", root)}`, from: q.name });
  }
}
// Roots the reference publishes that no Go operation uses: their whole signature, as published.
for (const [key, p] of published) {
  const [typeName, root] = key.split(".");
  if (typeName !== "Query" || !p.sdl) continue;
  if (rootFields.has(root)) throw new Error(`Query.${root}: already built; publish its type, not its signature`);
  rootFields.set(root, { sdl: p.sdl, from: `${REFERENCE}/${p.page}` });
  appliedPublished.add(key);
  note(`Query.${root}: as published (${REFERENCE}/${p.page}); no operation of the Go client uses it`);
}

/** The connection type whose edges' node is of this type. */
function connectionOf(nodeType) {
  const edgeTypes = [...structs].filter(([, s]) => s.fields.some((f) => f.name === "node" && f.goType === nodeType)).map(([n]) => n);
  const found = [...structs]
    .filter(([, s]) => s.fields.some((f) => f.name === "edges" && edgeTypes.includes(f.goType.replace(/^\[\]\*?/, ""))))
    .map(([n]) => n);
  if (found.length !== 1) throw new Error(`no single connection of ${nodeType}: ${found}`);
  return found[0];
}

// Old root fields whose types are gone from the current models are left out.
const exists = (name) => structs.has(name) || enums.has(name) || unions.has(name) || ["String", "Int", "Float", "Boolean", "ID", "JSON", "DateTime", "ConnectionCursor"].includes(name);
for (const [name, r] of rootFields) {
  if (r.from !== "older SDL") continue;
  const f = parse(`type Q { ${r.sdl} }`).definitions[0].fields[0];
  const used = [];
  visit(f, { NamedType: (n) => void used.push(n.name.value) });
  const missing = used.filter((u) => !exists(u));
  if (missing.length) {
    rootFields.delete(name);
    note(`Query.${name}: dropped, ${missing.join(", ")} no longer in the models`);
  }
}

// ---- Print ----
const out = [];
for (const s of ["DateTime", "JSON", "ConnectionCursor"]) {
  const t = old.getType(s);
  out.push(`${description(t.description)}scalar ${s}`);
}
out.push(`type Query {\n${indent([...rootFields.values()].map((r) => r.sdl).join("\n"))}\n}`);
for (const [name, members] of [...unions].sort()) {
  out.push(`${description(docs.get(name))}union ${name} = ${members.sort().join(" | ")}`);
}
for (const [name, values] of [...enums].sort()) out.push(`${description(docs.get(name))}enum ${name} {\n${indent(values.join("\n"))}\n}`);
for (const [name, s] of [...structs].sort(([a], [b]) => a.localeCompare(b))) {
  const fields = s.fields.map((f) => {
    const args = s.input ? "" : oldArgs(name, f.name);
    const type = s.input ? fieldType(name, f) : publishedType(name, f.name, fieldType(name, f));
    return `${description(f.doc)}${f.name}${args}: ${type}${s.input ? "" : deprecation(name, f.name)}`;
  });
  out.push(`${description(docs.get(name))}${s.input ? "input" : "type"} ${name} {\n${indent(fields.join("\n"))}\n}`);
}
const sdl = out.join("\n\n") + "\n";

for (const key of published.keys()) if (!appliedPublished.has(key)) throw new Error(`${key}: published, but not in the built schema`);

// The rebuilt schema must be valid and must accept every query the Go client sends.
const schema = buildASTSchema(parse(sdl));
for (const q of queries) {
  const errors = validate(schema, parse(q.text));
  if (errors.length) throw new Error(`${q.name}: ${errors.map((e) => e.message).join("; ")}`);
}
process.stdout.write(sdl);
process.stderr.write(`${notes.join("\n")}\n${queries.length} queries of the Go client validate.\n`);
