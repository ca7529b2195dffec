/**
 * The one place that decides how a GraphQL field is shown and entered: by its type (Money, DateTime,
 * Date, enums, Boolean, JSON, keys of other resources, embedded objects), never by resource.
 */
import type { FieldDef } from '../data/registry';

export type DisplayKind =
  | 'text'
  | 'number'
  | 'money'
  | 'datetime'
  | 'date'
  | 'boolean'
  | 'enum'
  | 'enumList'
  | 'reference'
  | 'referenceArray'
  | 'textList'
  | 'json'
  | 'object'
  | 'objectList';

export type InputKind =
  | 'text'
  | 'multiline'
  | 'password'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'datetime'
  | 'date'
  | 'boolean'
  | 'nullableBoolean'
  | 'search'
  | 'enum'
  | 'enumList'
  | 'reference'
  | 'referenceArray'
  | 'textList'
  | 'json'
  | 'object'
  | 'objectList';

/** Which resources the current user has (a key to a resource they cannot read shows as its id). */
export interface MappingContext {
  hasResource: (name: string) => boolean;
}

/** Free text that reads better in a multi-line box. */
const LONG_TEXT = new Set([
  'description',
  'note',
  'notes',
  'resolution',
  'feedback',
  'reason',
  'body',
  'address',
  'statusReason',
]);
/** Written by the API itself, never typed by a person. */
const HIDDEN_INPUTS = new Set(['idempotencyKey', 'ids']);

export function displayKind(field: FieldDef, ctx: MappingContext): DisplayKind {
  switch (field.kind) {
    case 'money':
      return 'money';
    case 'datetime':
      return 'datetime';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'float':
      return 'number';
    case 'enum':
      return field.list ? 'enumList' : 'enum';
    case 'json':
      return 'json';
    case 'object':
      return field.list ? 'objectList' : 'object';
    case 'reference':
      if (field.reference && ctx.hasResource(field.reference))
        return field.list ? 'referenceArray' : 'reference';
      return field.list ? 'textList' : 'text';
    default:
      return field.list ? 'textList' : 'text';
  }
}

/** How a field of a create/update input or of a filter is entered; undefined: not shown. */
export function inputKind(
  field: FieldDef,
  ctx: MappingContext,
  mode: 'form' | 'filter',
): InputKind | undefined {
  if (HIDDEN_INPUTS.has(field.name)) return undefined;
  if (mode === 'filter' && field.name === 'q') return 'search';
  switch (field.kind) {
    case 'money':
      return 'money';
    case 'datetime':
      return 'datetime';
    case 'date':
      return 'date';
    case 'boolean':
      return mode === 'filter' ? 'nullableBoolean' : 'boolean';
    case 'int':
      return 'integer';
    case 'float':
      return 'decimal';
    case 'enum':
      return field.list ? 'enumList' : 'enum';
    case 'json':
      return 'json';
    case 'object':
      return mode === 'filter' ? undefined : field.list ? 'objectList' : 'object';
    case 'reference':
      if (field.reference && ctx.hasResource(field.reference))
        return field.list ? 'referenceArray' : 'reference';
      return field.list ? 'textList' : 'text';
    default:
      if (field.list) return 'textList';
      if (field.name === 'password') return 'password';
      return mode === 'form' && LONG_TEXT.has(field.name) ? 'multiline' : 'text';
  }
}
