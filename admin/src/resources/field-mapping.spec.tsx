import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  PasswordInput,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import type { ReactElement } from 'react';
import type { FieldDef } from '../data/registry';
import { registry } from '../test-support/schema';
import { displayKind, inputKind } from './field-mapping';
import {
  BusinessDateField,
  DateTimeField,
  EnumField,
  JsonField,
  MoneyField,
  ObjectField,
  renderField,
} from './generic/fields';
import { renderInput } from './generic/inputs';
import { renderContext } from './render-context';

const everything = renderContext(
  registry,
  registry.resources.map((r) => r.name),
);
const withoutDealerships = renderContext(
  registry,
  registry.resources.map((r) => r.name).filter((n) => n !== 'dealerships'),
);
const field = (resource: string, name: string) =>
  registry.byName[resource].fields.find((f) => f.name === name)!;
const createField = (resource: string, name: string) =>
  registry.byName[resource].createInput!.fields.find((f) => f.name === name)!;
const filterField = (resource: string, name: string) =>
  registry.byName[resource].filter!.fields.find((f) => f.name === name)!;

describe('type → display', () => {
  it.each([
    ['members', 'totalSpend', 'money', MoneyField],
    ['members', 'createdAt', 'datetime', DateTimeField],
    ['members', 'birthday', 'date', BusinessDateField],
    ['members', 'status', 'enum', EnumField],
    ['members', 'marketingConsent', 'boolean', undefined],
    ['members', 'pointsBalance', 'number', NumberField],
    ['members', 'homeDealershipId', 'reference', ReferenceField],
    ['activities', 'dealershipIds', 'referenceArray', ReferenceArrayField],
    ['activities', 'transactionTypes', 'enumList', EnumField],
    ['auditLogs', 'after', 'json', JsonField],
    ['activities', 'stats', 'object', ObjectField],
    ['members', 'name', 'text', TextField],
  ])('%s.%s is shown as %s', (resource, name, kind, component) => {
    const def = field(resource, name);
    expect(displayKind(def, everything)).toBe(kind);
    const element = renderField(def, everything) as ReactElement<{ source: string }>;
    if (component) expect(element.type).toBe(component);
    expect(element.props.source).toBe(name);
  });

  it('a key to a resource the user cannot read is shown as plain text', () => {
    const def = field('members', 'homeDealershipId');
    expect(displayKind(def, withoutDealerships)).toBe('text');
    expect((renderField(def, withoutDealerships) as ReactElement).type).toBe(TextField);
  });

  it('a reference points at the resource and links to its record', () => {
    const element = renderField(field('complaints', 'assigneeId'), everything) as ReactElement<{
      reference: string;
      link: string;
    }>;
    expect(element.props).toMatchObject({ reference: 'staffUsers', link: 'show' });
  });

  it('enum values are labelled from enums.<Type>.<VALUE>', () => {
    const element = renderField(field('cards', 'status'), everything) as ReactElement<{ enumType: string }>;
    expect(element.props.enumType).toBe('CardStatus');
  });
});

describe('type → input', () => {
  type Props = {
    source: string;
    validate?: unknown[];
    format?: (v: unknown) => string;
    parse?: (v: unknown) => unknown;
    choices?: Array<{ id: string; name: string }>;
    reference?: string;
    children?: ReactElement;
    alwaysOn?: boolean;
  };
  const input = (def: FieldDef, mode: 'create' | 'edit' | 'filter' = 'create') =>
    renderInput(def, everything, mode) as ReactElement<Props>;

  it('Money is typed in yuan and kept in integer fen', () => {
    const element = input(createField('vehicles', 'purchasePrice'));
    expect(inputKind(createField('vehicles', 'purchasePrice'), everything, 'form')).toBe('money');
    expect(element.type).toBe(NumberInput);
    expect(element.props.format!(123456)).toBe('1234.56');
    expect(element.props.format!(null)).toBe('');
    expect(element.props.parse!(1234.56)).toBe(123456);
    expect(element.props.parse!('0.1')).toBe(10);
    expect(element.props.parse!('')).toBeNull();
  });

  it('dates and instants get pickers; enums a select with translated choices; booleans a switch', () => {
    expect(input(createField('vehicles', 'purchaseDate')).type).toBe(DateInput);
    expect(
      input(registry.byName.activities.createInput!.fields.find((f) => f.name === 'startsAt')!).type,
    ).toBe(DateTimeInput);
    const gender = input(createField('members', 'gender'));
    expect(gender.type).toBe(SelectInput);
    expect(gender.props.choices).toContainEqual({ id: 'FEMALE', name: 'enums.Gender.FEMALE' });
    expect(input(createField('members', 'marketingConsent')).type).toBe(BooleanInput);
  });

  it('keys are references with search-as-you-type where the target list takes q', () => {
    const element = input(createField('vehicles', 'memberId'));
    expect(element.type).toBe(ReferenceInput);
    expect(element.props.reference).toBe('members');
    expect(element.props.children!.type).toBe(AutocompleteInput);
  });

  it('required inputs are validated on create, not on edit', () => {
    expect(input(createField('members', 'phone')).props.validate).toHaveLength(1);
    expect(input(createField('members', 'city')).props.validate).toHaveLength(0);
    const updatePhone = registry.byName.members.updateInput!.fields.find((f) => f.name === 'phone')!;
    expect(input(updatePhone, 'edit').props.validate).toHaveLength(0);
  });

  it('secrets are password inputs, idempotency keys are not typed', () => {
    expect(input(createField('staffUsers', 'password')).type).toBe(PasswordInput);
    expect(renderInput(createField('cards', 'idempotencyKey'), everything, 'create')).toBeUndefined();
  });

  it('filters: q is a search box, booleans three-state, ids hidden', () => {
    const q = input(filterField('members', 'q'), 'filter');
    expect(q.type).toBe(SearchInput);
    expect(q.props.alwaysOn).toBe(true);
    expect(input(filterField('complaints', 'overdue'), 'filter').type).toBe(NullableBooleanInput);
    expect(renderInput(filterField('members', 'ids'), everything, 'filter')).toBeUndefined();
    expect(input(filterField('members', 'birthdayMonth'), 'filter').type).toBe(NumberInput);
  });

  it('a nested optional input object does not require its own required fields', () => {
    const vehicle = renderInput(createField('members', 'vehicle'), everything, 'create') as ReactElement<{
      children: ReactElement<Props>[];
    }>;
    const vin = vehicle.props.children.find((child) => child.props.source === 'vehicle.vin')!;
    expect(vin.type).toBe(TextInput);
    expect(vin.props.validate).toHaveLength(0);
  });
});
