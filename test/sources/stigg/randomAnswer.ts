import {
  type DocumentNode,
  type FieldNode,
  getNamedType,
  getNullableType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/*
 * Random answers to a document, valid by Stigg's schema (the copy in test/standins): every
 * field the document selects, typed as the schema says. A nullable field is null about a
 * third of the time, a list holds 0 to 5 items, a union is any of its members, an enum any
 * of its values. Strings follow the field: ids are drawn from what Stigg can send (its rule
 * for new ids, `|`, 255 characters, and legacy ids outside that rule), the rest is text.
 */

/** A seeded generator (mulberry32): the same seed gives the same answers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_FIELDS = new Set(["refId", "currencyId", "subscriptionId", "customerId"]);

export class RandomAnswers {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: () => number,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** `data` for the document's one operation. */
  data(document: DocumentNode): Record<string, unknown> {
    const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    return this.object(this.schema.getQueryType()!, op.selectionSet);
  }

  private object(type: GraphQLObjectType, selections: SelectionSetNode): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const sel of selections.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!sel.typeCondition || sel.typeCondition.name.value === type.name) Object.assign(out, this.object(type, sel.selectionSet));
        continue;
      }
      if (sel.kind !== Kind.FIELD) throw new Error("fragment spreads are not generated");
      const name = sel.alias?.value ?? sel.name.value;
      if (sel.name.value === "__typename") out[name] = type.name;
      else out[name] = this.value(type.getFields()[sel.name.value]!.type, sel, sel.name.value);
    }
    return out;
  }

  private value(type: GraphQLOutputType, field: FieldNode, fieldName: string): unknown {
    if (!isNonNullType(type) && this.chance(1 / 3)) return null;
    const t = getNullableType(type) as GraphQLOutputType;
    if (isListType(t)) {
      return Array.from({ length: Math.floor(this.random() * 6) }, () => this.value(t.ofType, field, fieldName));
    }
    if (isUnionType(t)) return this.object(this.pick(this.schema.getPossibleTypes(t)), field.selectionSet!);
    if (isObjectType(t)) return this.object(t, field.selectionSet!);
    if (isEnumType(t)) return this.pick(t.getValues()).value;
    switch (getNamedType(t).name) {
      case "Boolean":
        return this.chance(0.5);
      case "Int":
        return Math.floor(this.random() * 2 ** 32) - 2 ** 31;
      case "Float":
        return this.float();
      case "DateTime":
        return new Date(Date.UTC(1990, 0, 1) + this.random() * 70 * 365 * 864e5).toISOString();
      case "JSON":
        return {};
      default:
        return ID_FIELDS.has(fieldName) ? this.id() : fieldName === "billingId" ? this.billingId() : this.text();
    }
  }

  private float(): number {
    return this.pick([
      () => 0,
      () => Math.floor(this.random() * 1_000),
      () => Math.round(this.random() * 1e6) / 100,
      () => -Math.floor(this.random() * 1_000),
      () => Math.floor(this.random() * 1e15),
      () => this.pick([Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e300, -1e300, 1e308]),
    ])();
  }

  /** An id as Stigg may send one: mostly by its rule for new ids, some legacy or broken. */
  id(): string {
    const plain = () => `${this.pick(["a", "f", "Z", "0", "7"])}${Math.floor(this.random() * 1e9).toString(36)}`;
    return this.pick([
      plain,
      plain,
      () => `${plain()}|${plain()}`,
      () => `${plain()}.v2_${plain()}-x`,
      () => `f${"x".repeat(254)}`,
      () => `f${"x".repeat(255)}`,
      () => "",
      () => "  ",
      () => `${plain()}/${plain()}`,
      () => `-${plain()}`,
      () => `${plain()}\u0000`,
      () => `${plain()}\u0085`,
      () => `legacy ${plain()} ü`,
      () => `_${plain()}`,
    ])();
  }

  private billingId(): string {
    return this.chance(0.5) ? `cus_${Math.floor(this.random() * 1e12).toString(36)}` : this.text();
  }

  private text(): string {
    return this.pick(["", "Pro", "API calls", "seat", "seats", "Ünïcödé ✓", "x".repeat(300), "a\nb", "1 < 2 & 3"]);
  }
}
