/** Which fields a generated list shows, and how a record is named, when no override says. */
import type { FieldDef, ResourceDef } from '../data/registry';
import type { ResourceOverride } from './overrides/types';

/** Fields that name a record, best first. */
const TITLE_FIELDS = [
  'ticketNo',
  'memberNo',
  'cardNo',
  'plateNumber',
  'name',
  'subject',
  'username',
  'code',
  'vin',
  'job',
  'action',
];
const NOT_IN_LISTS = new Set([
  'id',
  'updatedAt',
  'description',
  'note',
  'notes',
  'body',
  'resolution',
  'feedback',
  'statusReason',
  'dedupeKey',
]);
const MAX_COLUMNS = 8;

function rank(field: FieldDef): number {
  const title = TITLE_FIELDS.indexOf(field.name);
  if (title >= 0) return title;
  if (field.name === 'createdAt') return 90;
  if (field.name === 'updatedAt') return 91;
  if (field.kind === 'object' || field.kind === 'json') return 95;
  const byKind: Partial<Record<FieldDef['kind'], number>> = {
    reference: 20,
    enum: 30,
    money: 40,
    int: 50,
    float: 50,
    string: 55,
    boolean: 60,
    date: 70,
    datetime: 75,
  };
  return byKind[field.kind] ?? 80;
}

/** The columns of a list: the override's, else up to eight by importance (names, keys, states, amounts, dates). */
export function listColumns(resource: ResourceDef, override?: ResourceOverride): FieldDef[] {
  const hidden = new Set(override?.hiddenFields ?? []);
  const visible = resource.fields.filter((f) => !hidden.has(f.name));
  if (override?.listFields) {
    return override.listFields
      .map((name) => visible.find((f) => f.name === name))
      .filter((f): f is FieldDef => !!f);
  }
  return visible
    .filter(
      (f) =>
        !NOT_IN_LISTS.has(f.name) &&
        f.kind !== 'json' &&
        f.kind !== 'object' &&
        !(f.kind === 'id' && f.name.endsWith('Id')),
    )
    .map((f, index) => ({ f, index }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.index - b.index)
    .slice(0, MAX_COLUMNS)
    .map(({ f }) => f);
}

/** Fields of the show page: all but the hidden ones, by the same importance as list columns. */
export function showFields(resource: ResourceDef, override?: ResourceOverride): FieldDef[] {
  const hidden = new Set(override?.hiddenFields ?? []);
  return byImportance(resource.fields.filter((f) => !hidden.has(f.name) && f.name !== 'id'));
}

/** Inputs of a form: required ones first, then by importance. */
export function formFields(fields: FieldDef[]): FieldDef[] {
  return byImportance(fields).sort((a, b) => Number(b.required) - Number(a.required));
}

function byImportance(fields: FieldDef[]): FieldDef[] {
  return fields
    .map((f, index) => ({ f, index }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.index - b.index)
    .map(({ f }) => f);
}

/** The field that names a record (`name`, `ticketNo`, …), if the type has one. */
export function titleField(resource: ResourceDef): string | undefined {
  return TITLE_FIELDS.find((name) => resource.fields.some((f) => f.name === name && f.kind === 'string'));
}

/** The initial sort: the override's, else newest first when the list sorts by createdAt, else the API's order. */
export function defaultSort(
  resource: ResourceDef,
  override?: ResourceOverride,
): { field: string; order: 'ASC' | 'DESC' } {
  if (override?.defaultSort) return override.defaultSort;
  if (resource.sort?.fieldEnum.createdAt) return { field: 'createdAt', order: 'DESC' };
  return { field: '', order: 'ASC' };
}
