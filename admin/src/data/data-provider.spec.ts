import { ApolloClient, ApolloLink, InMemoryCache, Observable, type FetchResult, type Operation } from '@apollo/client';
import {
  executeSync,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
  print,
  validate,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
} from 'graphql';
import { buildDataProvider } from './data-provider';
import { resetRegistry } from './introspection';
import { introspection, schema } from '../test-support/schema';

const SCALAR_DEFAULTS: Record<string, unknown> = { ID: 'x', String: '', Int: 0, Float: 0, Money: 0, Boolean: false, DateTime: '2026-01-01T00:00:00.000Z', Date: '2026-01-01' };

/** Values the test did not give: null where allowed, else a plain value of the type (a complete, typed response). */
function placeholder(type: GraphQLOutputType): unknown {
  if (!isNonNullType(type)) return null;
  if (isListType(type.ofType)) return [];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isScalarType(named)) return SCALAR_DEFAULTS[named.name] ?? '';
  return {};
}

const fieldResolver: GraphQLFieldResolver<Record<string, unknown> | undefined, unknown> = (source, _args, _ctx, info) => {
  const value = source?.[info.fieldName];
  return typeof value === 'function' ? value() : (value ?? placeholder(info.returnType));
};

/** Answers an operation by executing it on the real schema over the data the test gives (`data` root fields by alias-free name). */
function execute(operation: Operation, rootValue: Record<string, unknown>): FetchResult {
  return executeSync({ schema, document: operation.query, variableValues: operation.variables, rootValue, fieldResolver }) as FetchResult;
}

/** An Apollo client whose "server" answers introspection with the real schema and the rest from `answer`. */
function clientAnswering(answer: (operation: Operation) => FetchResult | Record<string, unknown>) {
  const sent: Operation[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<FetchResult>((observer) => {
        const isIntrospection = print(operation.query).includes('__schema');
        if (!isIntrospection) sent.push(operation);
        const answered = isIntrospection ? { data: introspection as unknown as Record<string, unknown> } : answer(operation);
        observer.next('errors' in answered ? (answered as FetchResult) : execute(operation, answered as Record<string, unknown>));
        observer.complete();
      }),
  );
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), sent };
}

beforeEach(() => resetRegistry());

describe('the data provider (ra-data-graphql over our registry and buildQuery)', () => {
  it('lists through the convention and returns items and total', async () => {
    const { client, sent } = clientAnswering(() => ({ tiers: { items: [{ id: 't1', name: '金卡' }], total: 1 } }));
    const provider = buildDataProvider(client);
    const result = await provider.getList('tiers', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'rank', order: 'ASC' },
      filter: { q: '金' },
    });
    expect(result.total).toBe(1);
    expect(result.data[0]).toMatchObject({ id: 't1', name: '金卡' });
    expect(sent[0].operationName).toBe('tiers');
    expect(sent[0].variables).toEqual({ filter: { q: '金' }, sort: [{ field: 'RANK', order: 'ASC' }], page: { page: 1, perPage: 25 } });
    expect(validate(schema, sent[0].query)).toEqual([]);
  });

  it('sends only changed fields on update', async () => {
    const { client, sent } = clientAnswering(() => ({ updateDealership: { id: 'd1', name: '新名字' } }));
    const provider = buildDataProvider(client);
    await provider.update('dealerships', {
      id: 'd1',
      data: { id: 'd1', name: '新名字', city: '上海', memberCount: 9 },
      previousData: { id: 'd1', name: '旧名字', city: '上海', memberCount: 3 },
    });
    expect(sent[0].variables).toEqual({ id: 'd1', input: { name: '新名字' } });
  });

  it('turns UNAUTHENTICATED into a 401 and BAD_USER_INPUT into form errors', async () => {
    const { client } = clientAnswering((operation) =>
      operation.operationName === 'members'
        ? { errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }] as never }
        : {
            errors: [
              { message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: { 'input.phone': 'not a mobile number' } } },
            ] as never,
          },
    );
    const provider = buildDataProvider(client);
    await expect(provider.getList('members', { pagination: { page: 1, perPage: 10 }, sort: { field: '', order: 'ASC' }, filter: {} })).rejects.toMatchObject({
      status: 401,
    });
    await expect(provider.create('members', { data: { name: '王五', phone: '123' } })).rejects.toMatchObject({
      status: 400,
      body: { errors: { phone: 'not a mobile number' } },
    });
  });
});
