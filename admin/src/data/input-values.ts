import type { FieldDef } from './registry';

/**
 * A form value shaped for a GraphQL input: only the input's fields (so `__typename`, `id` and
 * read-only fields never travel), nested objects and lists followed, empty strings as null, Dates
 * as ISO strings, numbers typed from text.
 */
export function toInputValue(field: FieldDef, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (field.list) {
    if (!Array.isArray(value)) return value;
    return value.map((item) => toInputValue({ ...field, list: false }, item));
  }
  if (field.kind === 'object') {
    if (typeof value !== 'object') return value;
    const nested = toInputObject(field.fields ?? [], value as Record<string, unknown>);
    // A nested form left blank (a member registered without a vehicle) is no object at all.
    return Object.values(nested).some((v) => v !== null && v !== undefined && v !== '') ? nested : undefined;
  }
  if (value instanceof Date) return field.kind === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (value === '') return field.kind === 'string' ? value : null;
  if ((field.kind === 'int' || field.kind === 'money') && typeof value === 'string') return Number(value);
  if (field.kind === 'float' && typeof value === 'string') return Number(value);
  return value;
}

/** Picks and shapes the fields of `data` that exist on the input type; undefined ones are left out. */
export function toInputObject(fields: FieldDef[], data: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    if (data[field.name] === undefined) continue;
    const value = toInputValue(field, data[field.name]);
    if (value !== undefined) input[field.name] = value;
  }
  return input;
}

/**
 * UPDATE sends only what changed: the fields of the update input whose shaped value differs from
 * the record as it was read.
 */
export function changedInput(
  fields: FieldDef[],
  data: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const next = toInputObject(fields, data);
  if (!previous) return next;
  const before = toInputObject(fields, previous);
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(next)) {
    if (!sameValue(value, before[name])) changed[name] = value;
  }
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
