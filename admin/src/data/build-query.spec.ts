import { validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { buildQueryFactory, MAX_PER_PAGE, RecordNotFoundError, UnsupportedRequestError } from './build-query';
import { registry, schema } from '../test-support/schema';

const buildQuery = buildQueryFactory(registry);

/** A document must validate against the real schema and its variables coerce to their declared types. */
function expectValid(query: DocumentNode, variables: Record<string, unknown>) {
  expect(validate(schema, query).map((e) => e.message)).toEqual([]);
  const operation = query.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  expect(coerced.errors?.map((e) => e.message) ?? []).toEqual([]);
}

const listParams = { pagination: { page: 2, perPage: 10 }, sort: { field: 'createdAt', order: 'DESC' }, filter: {} };

describe('buildQuery against the emitted schema', () => {
  describe.each(registry.resources.map((r) => [r.name, r] as const))('%s', (_name, resource) => {
    it('GET_LIST, GET_ONE and GET_MANY documents validate', () => {
      const list = buildQuery('GET_LIST', resource.name, listParams);
      expectValid(list.query, list.variables);
      if (resource.one || resource.canGetMany) {
        const one = buildQuery('GET_ONE', resource.name, { id: 'r1' });
        expectValid(one.query, one.variables);
      }
      if (resource.canGetMany) {
        const many = buildQuery('GET_MANY', resource.name, { ids: ['r1', 'r2'] });
        expectValid(many.query, many.variables);
        expect(many.variables.filter).toEqual({ ids: ['r1', 'r2'] });
      } else {
        expect(() => buildQuery('GET_MANY', resource.name, { ids: ['r1'] })).toThrow(UnsupportedRequestError);
      }
    });

    it('GET_MANY_REFERENCE validates for every key filter', () => {
      const keys = (resource.filter?.fields ?? []).filter((f) => f.kind === 'reference' && !f.list);
      for (const key of keys) {
        const built = buildQuery('GET_MANY_REFERENCE', resource.name, { ...listParams, target: key.name, id: 'x1' });
        expectValid(built.query, built.variables);
        expect(built.variables.filter).toEqual({ [key.name]: 'x1' });
      }
    });

    it('CREATE, UPDATE and DELETE documents validate where the mutations exist', () => {
      if (resource.create) {
        const built = buildQuery('CREATE', resource.name, { data: {} });
        expect(validate(schema, built.query).map((e) => e.message)).toEqual([]);
      } else {
        expect(() => buildQuery('CREATE', resource.name, { data: {} })).toThrow(UnsupportedRequestError);
      }
      if (resource.update) {
        const built = buildQuery('UPDATE', resource.name, { id: 'r1', data: {}, previousData: { id: 'r1' } });
        expectValid(built.query, built.variables);
        const many = buildQuery('UPDATE_MANY', resource.name, { ids: ['r1', 'r2'], data: {} });
        expectValid(many.query, many.variables);
      }
      if (resource.delete) {
        const built = buildQuery('DELETE', resource.name, { id: 'r1' });
        expectValid(built.query, built.variables);
        const many = buildQuery('DELETE_MANY', resource.name, { ids: ['r1', 'r2'] });
        expectValid(many.query, many.variables);
      } else {
        expect(() => buildQuery('DELETE', resource.name, { id: 'r1' })).toThrow(UnsupportedRequestError);
      }
    });
  });

  it('GET_LIST maps sort fields to the XSortField enum, drops unknown and empty filters, caps the page', () => {
    const built = buildQuery('GET_LIST', 'members', {
      pagination: { page: 3, perPage: 5000 },
      sort: { field: 'totalSpend', order: 'DESC' },
      filter: { q: '138', status: 'ACTIVE', tierId: '', birthdayMonth: '5', notAFilter: 'x' },
    });
    expect(built.variables).toEqual({
      filter: { q: '138', status: 'ACTIVE', birthdayMonth: 5 },
      sort: [{ field: 'TOTAL_SPEND', order: 'DESC' }],
      page: { page: 3, perPage: MAX_PER_PAGE },
    });
    expectValid(built.query, built.variables);
  });

  it('GET_LIST leaves out a sort the API cannot do', () => {
    const built = buildQuery('GET_LIST', 'members', { ...listParams, sort: { field: 'phone', order: 'ASC' } });
    expect(built.variables.sort).toBeUndefined();
    expectValid(built.query, built.variables);
  });

  it('a list without filter or sort arguments (apiClients) is asked with its page only', () => {
    const built = buildQuery('GET_LIST', 'apiClients', { ...listParams, filter: { q: 'x' } });
    expect(built.variables).toEqual({ page: { page: 2, perPage: 10 } });
    expectValid(built.query, built.variables);
  });

  it('list selections hold scalars and keys but no relations or per-record computed objects', () => {
    const text = buildQuery('GET_LIST', 'activities', listParams).query.loc?.source.body ?? '';
    expect(text).toContain('dealershipIds');
    expect(text).not.toMatch(/\bdealerships\s*\{/);
    expect(text).not.toContain('stats');
    const one = buildQuery('GET_ONE', 'activities', { id: 'a1' }).query.loc?.source.body ?? '';
    expect(one).toMatch(/stats \{ .*roi.* \}/);
  });

  it('GET_ONE of a resource without a single query reads the list filtered by that id', () => {
    const built = buildQuery('GET_ONE', 'cardEntries', { id: 'e1' });
    expect(built.variables).toEqual({ filter: { ids: ['e1'] } });
    expect(built.parseResponse({ data: { data: { items: [{ id: 'e1', amount: 100 }] } } })).toEqual({
      data: { id: 'e1', amount: 100 },
    });
    expect(() => built.parseResponse({ data: { data: { items: [] } } })).toThrow(RecordNotFoundError);
  });

  it('GET_ONE of a missing record is an error, not an empty record', () => {
    const built = buildQuery('GET_ONE', 'members', { id: 'gone' });
    expect(() => built.parseResponse({ data: { data: null } })).toThrow(RecordNotFoundError);
  });

  it('GET_LIST returns the page items and total', () => {
    const built = buildQuery('GET_LIST', 'tiers', listParams);
    expect(built.parseResponse({ data: { data: { items: [{ id: 't1' }], total: 4 } } })).toEqual({ data: [{ id: 't1' }], total: 4 });
  });

  it('UPDATE sends only the changed fields that exist on the update input', () => {
    const previousData = {
      id: 'm1',
      __typename: 'Member',
      name: '张三',
      phone: '13800000000',
      city: '上海',
      birthday: '1990-01-01',
      pointsBalance: 100,
      tierId: 't1',
      homeDealershipId: 'd1',
    };
    const data = { ...previousData, phone: '13900000000', city: '', pointsBalance: 999, tierId: 't2' };
    const built = buildQuery('UPDATE', 'members', { id: 'm1', data, previousData });
    // pointsBalance and tierId changed too, but the API does not take them on UpdateMemberInput.
    expect(built.variables).toEqual({ id: 'm1', input: { phone: '13900000000', city: '' } });
    expectValid(built.query, built.variables);
  });

  it('UPDATE shapes nested inputs: lists of objects lose __typename, money stays integer fen', () => {
    const previousData = {
      id: 'b1',
      value: 5000,
      quotaByTier: [{ __typename: 'BenefitTierQuota', tierId: 't1', quota: 1 }],
    };
    const data = { ...previousData, value: 12345, quotaByTier: [{ __typename: 'BenefitTierQuota', tierId: 't1', quota: 2 }] };
    const built = buildQuery('UPDATE', 'benefits', { id: 'b1', data, previousData });
    expect(built.variables.input).toEqual({ value: 12345, quotaByTier: [{ tierId: 't1', quota: 2 }] });
    expectValid(built.query, built.variables);
  });

  it('CREATE keeps the input fields only, leaves out a blank nested object and validates', () => {
    const built = buildQuery('CREATE', 'members', {
      data: { name: '李四', phone: '13912345678', marketingConsent: false, vehicle: { vin: null, mileage: null }, id: 'x' },
    });
    expect(built.variables).toEqual({ input: { name: '李四', phone: '13912345678', marketingConsent: false } });
    expectValid(built.query, built.variables);
  });

  it('CREATE gives operations that take an idempotency key a fresh one', () => {
    const data = { memberId: 'm1', dealershipId: 'd1', type: 'STORED_VALUE' };
    const first = buildQuery('CREATE', 'cards', { data }).variables.input as Record<string, string>;
    const second = buildQuery('CREATE', 'cards', { data }).variables.input as Record<string, string>;
    expect(first.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    expectValid(buildQuery('CREATE', 'cards', { data }).query, { input: first });
  });

  it('DELETE returns the deleted record; DELETE_MANY the ids', () => {
    const one = buildQuery('DELETE', 'vehicles', { id: 'v1' });
    expect(one.parseResponse({ data: { r0: { id: 'v1', vin: 'X' } } })).toEqual({ data: { id: 'v1', vin: 'X' } });
    const many = buildQuery('DELETE_MANY', 'vehicles', { ids: ['v1', 'v2'] });
    expect(many.variables).toEqual({ id0: 'v1', id1: 'v2' });
    expect(many.parseResponse({ data: { r0: { id: 'v1' }, r1: { id: 'v2' } } })).toEqual({ data: ['v1', 'v2'] });
  });

  it('refuses unknown resources and methods', () => {
    expect(() => buildQuery('GET_LIST', 'nope', listParams)).toThrow(UnsupportedRequestError);
    expect(() => buildQuery('GET_MANY_REFERENCE', 'members', { ...listParams, target: 'phone', id: '1' })).toThrow(
      UnsupportedRequestError,
    );
  });
});
