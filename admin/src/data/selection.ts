import type { FieldDef, ResourceDef } from './registry';

/**
 * The fields a query selects for a record: scalars, enums and keys (relations are resolved by
 * react-admin through the keys, batched by GET_MANY). Embedded value objects such as an activity's
 * `stats` are computed per record, so they are selected for one record only, never for a page.
 */
export function recordSelection(resource: ResourceDef, { embedded }: { embedded: boolean }): string {
  return resource.fields
    .filter((field) => embedded || field.kind !== 'object')
    .map((field) => printField(field))
    .join(' ');
}

function printField(field: FieldDef): string {
  return field.kind === 'object' ? `${field.name} { ${(field.fields ?? []).map(printField).join(' ')} }` : field.name;
}
