/**
 * The admin's model of the API, read from introspection: every resource that follows the list
 * convention of DESIGN (`xs(filter, sort, page): XPage { items total }`, `x(id)`, `createX`,
 * `updateX`, `deleteX`), with its fields typed for display and input, its filters, its sort fields
 * and its foreign keys resolved to the resources they point at.
 */
import type {
  IntrospectionEnumType,
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionInputValue,
  IntrospectionObjectType,
  IntrospectionSchema,
  IntrospectionType,
} from 'graphql';
import { isList, isNonNull, lowerFirst, namedType, printTypeRef, snakeToCamel, upperFirst } from './type-ref';

export type FieldKind =
  | 'id'
  | 'string'
  | 'int'
  | 'float'
  | 'boolean'
  | 'money'
  | 'datetime'
  | 'date'
  | 'json'
  | 'enum'
  | 'reference'
  | 'object';

export interface FieldDef {
  name: string;
  kind: FieldKind;
  /** The named GraphQL type: `Money`, `MemberStatus`, `ID`, `VehicleDetailsInput`, … */
  typeName: string;
  list: boolean;
  /** Output: never null. Input: must be given (non-null without a default). */
  required: boolean;
  description?: string;
  /** kind 'enum': the values, in schema order. */
  enumValues?: string[];
  /** kind 'reference': the resource the key (or list of keys) points at. */
  reference?: string;
  /** kind 'object': an embedded value object or a nested input object. */
  fields?: FieldDef[];
}

export interface InputDef {
  typeName: string;
  fields: FieldDef[];
}

export interface ResourceDef {
  /** The list query's name, e.g. `members`; the react-admin resource name. */
  name: string;
  /** The record's object type, e.g. `Member`. */
  typeName: string;
  description?: string;
  /** Argument name → type as written in a document, of the list query (`filter`, `sort`, `page`). */
  listArgs: Record<string, string>;
  one?: string;
  create?: string;
  update?: string;
  delete?: string;
  /** Fields selected for a record: scalars, enums, keys and embedded value objects. */
  fields: FieldDef[];
  filter?: InputDef;
  /** Record field → sort enum value (createdAt → CREATED_AT), from `XSortField`. */
  sort?: { inputType: string; fieldEnum: Record<string, string> };
  createInput?: InputDef;
  updateInput?: InputDef;
  /** GET_MANY needs `filter: { ids }`; references to a resource need it too. */
  canGetMany: boolean;
}

export interface Registry {
  resources: ResourceDef[];
  byName: Record<string, ResourceDef>;
  byType: Record<string, ResourceDef>;
  /** Every enum type of the schema → its values. */
  enums: Record<string, string[]>;
}

const SCALAR_KINDS: Record<string, FieldKind> = {
  ID: 'id',
  String: 'string',
  Int: 'int',
  Float: 'float',
  Boolean: 'boolean',
  Money: 'money',
  DateTime: 'datetime',
  Date: 'date',
  JSON: 'json',
};

/** How deep nested input objects are followed (CreateMemberInput.vehicle is one level). */
const MAX_INPUT_DEPTH = 2;

export function buildRegistry(schema: IntrospectionSchema): Registry {
  const types = new Map<string, IntrospectionType>(schema.types.map((t) => [t.name, t]));
  const objectType = (name: string | undefined) => {
    const t = name ? types.get(name) : undefined;
    return t?.kind === 'OBJECT' ? (t as IntrospectionObjectType) : undefined;
  };
  const queryFields = objectType(schema.queryType?.name)?.fields ?? [];
  const mutationFields = objectType(schema.mutationType?.name)?.fields ?? [];

  const enums: Record<string, string[]> = {};
  for (const t of schema.types) {
    if (t.kind === 'ENUM' && !t.name.startsWith('__')) {
      enums[t.name] = (t as IntrospectionEnumType).enumValues.map((v) => v.name);
    }
  }

  // Pass 1: which list queries follow the convention, and for which record type.
  const found: Array<{ query: IntrospectionField; type: IntrospectionObjectType }> = [];
  const byTypeName = new Map<string, string>();
  for (const query of queryFields) {
    if (isList(query.type)) continue;
    const page = objectType(namedType(query.type).name);
    const items = page?.fields.find((f) => f.name === 'items');
    if (!page || !items || !isList(items.type) || !page.fields.some((f) => f.name === 'total')) continue;
    const record = objectType(namedType(items.type).name);
    if (!record || !record.fields.some((f) => f.name === 'id') || byTypeName.has(record.name)) continue;
    found.push({ query, type: record });
    byTypeName.set(record.name, query.name);
  }

  /** `homeDealershipId` → the resource of its sibling relation `homeDealership`, else of type `HomeDealership`. */
  const referenceOf = (fieldName: string, owner?: IntrospectionObjectType): string | undefined => {
    const match = /^(.+?)(Id|Ids)$/.exec(fieldName);
    if (!match) return undefined;
    const relationName = match[2] === 'Ids' ? `${match[1]}s` : match[1];
    const relation = owner?.fields.find((f) => f.name === relationName);
    const viaRelation = relation ? byTypeName.get(namedType(relation.type).name) : undefined;
    return viaRelation ?? byTypeName.get(upperFirst(match[1]));
  };

  const scalarOrEnum = (
    name: string,
    typeName: string,
    typeKind: string,
    ref: IntrospectionField['type'] | IntrospectionInputValue['type'],
  ): FieldDef | undefined => {
    const base = { name, typeName, list: isList(ref), required: isNonNull(ref) };
    if (typeKind === 'ENUM') return { ...base, kind: 'enum', enumValues: enums[typeName] ?? [] };
    if (typeKind === 'SCALAR') return { ...base, kind: SCALAR_KINDS[typeName] ?? 'string' };
    return undefined;
  };

  const outputField = (field: IntrospectionField, owner: IntrospectionObjectType): FieldDef | undefined => {
    if (field.args.length > 0) return undefined; // computed with arguments: not part of a record
    const named = namedType(field.type);
    const plain = scalarOrEnum(field.name, named.name, named.kind, field.type);
    if (plain) {
      const reference = plain.kind === 'id' && field.name !== 'id' ? referenceOf(field.name, owner) : undefined;
      return { ...plain, description: field.description ?? undefined, ...(reference ? { kind: 'reference', reference } : {}) };
    }
    // Relations are read through their keys; only small embedded value objects are selected.
    const embedded = objectType(named.name);
    if (!embedded || byTypeName.has(embedded.name) || embedded.fields.some((f) => f.name === 'id')) return undefined;
    const nested = embedded.fields.map((f) => (f.args.length ? undefined : outputField(f, embedded)));
    if (nested.some((f) => !f || f.kind === 'object')) return undefined;
    return {
      name: field.name,
      kind: 'object',
      typeName: named.name,
      list: isList(field.type),
      required: isNonNull(field.type),
      description: field.description ?? undefined,
      fields: nested as FieldDef[],
    };
  };

  const inputDef = (typeName: string, owner?: IntrospectionObjectType, depth = 0): InputDef | undefined => {
    const input = types.get(typeName);
    if (input?.kind !== 'INPUT_OBJECT' || depth > MAX_INPUT_DEPTH) return undefined;
    const fields: FieldDef[] = [];
    for (const value of (input as IntrospectionInputObjectType).inputFields) {
      const named = namedType(value.type);
      const required = isNonNull(value.type) && value.defaultValue == null;
      const plain = scalarOrEnum(value.name, named.name, named.kind, value.type);
      if (plain) {
        const ownField = owner?.fields.find((f) => f.name === value.name);
        const reference =
          plain.kind === 'id' && value.name !== 'id' && value.name !== 'ids'
            ? (ownField && outputField(ownField, owner!)?.reference) ?? referenceOf(value.name, owner)
            : undefined;
        fields.push({
          ...plain,
          required,
          description: value.description ?? undefined,
          ...(reference ? { kind: 'reference', reference } : {}),
        });
        continue;
      }
      const nested = inputDef(named.name, undefined, depth + 1);
      if (nested) {
        fields.push({
          name: value.name,
          kind: 'object',
          typeName: named.name,
          list: isList(value.type),
          required,
          description: value.description ?? undefined,
          fields: nested.fields,
        });
      }
    }
    return { typeName, fields };
  };

  const mutation = (name: string, recordType: string, args: string[]) => {
    const m = mutationFields.find((f) => f.name === name);
    const ok =
      m &&
      !isList(m.type) &&
      namedType(m.type).name === recordType &&
      args.every((a) => m.args.some((arg) => arg.name === a));
    return ok ? m : undefined;
  };

  // Pass 2: the resources, now that every record type's resource is known.
  const resources = found.map(({ query, type }): ResourceDef => {
    const argType = (name: string) => query.args.find((a) => a.name === name)?.type;
    const listArgs = Object.fromEntries(query.args.map((a) => [a.name, printTypeRef(a.type)]));
    const filterRef = argType('filter');
    const filter = filterRef ? inputDef(namedType(filterRef).name, type) : undefined;
    const sortRef = argType('sort');
    const sortInput = sortRef ? (types.get(namedType(sortRef).name) as IntrospectionInputObjectType | undefined) : undefined;
    const sortEnumType = sortInput?.inputFields.find((f) => f.name === 'field');
    const sortValues = sortEnumType ? (enums[namedType(sortEnumType.type).name] ?? []) : [];

    const one = queryFields.find(
      (f) => f.name === lowerFirst(type.name) && namedType(f.type).name === type.name && f.args.some((a) => a.name === 'id'),
    );
    const create = mutation(`create${type.name}`, type.name, ['input']);
    const update = mutation(`update${type.name}`, type.name, ['id', 'input']);
    const remove = mutation(`delete${type.name}`, type.name, ['id']);
    const inputOf = (m?: IntrospectionField) => {
      const arg = m?.args.find((a) => a.name === 'input');
      return arg ? inputDef(namedType(arg.type).name, type) : undefined;
    };

    return {
      name: query.name,
      typeName: type.name,
      description: type.description ?? undefined,
      listArgs,
      one: one?.name,
      create: create?.name,
      update: update?.name,
      delete: remove?.name,
      fields: type.fields.map((f) => outputField(f, type)).filter((f): f is FieldDef => !!f),
      filter,
      sort: sortInput
        ? {
            inputType: sortInput.name,
            fieldEnum: Object.fromEntries(sortValues.map((v) => [snakeToCamel(v), v])),
          }
        : undefined,
      createInput: inputOf(create),
      updateInput: inputOf(update),
      canGetMany: !!filter?.fields.some((f) => f.name === 'ids'),
    };
  });

  return {
    resources,
    byName: Object.fromEntries(resources.map((r) => [r.name, r])),
    byType: Object.fromEntries(resources.map((r) => [r.typeName, r])),
    enums,
  };
}
