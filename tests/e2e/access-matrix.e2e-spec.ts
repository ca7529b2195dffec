/**
 * The role × operation matrix: every query and mutation of the schema declares who may call it,
 * and every staff role outside that declaration is refused with FORBIDDEN (members and API keys
 * without the scope likewise). A new operation without a declared rule fails the first test.
 */
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLField, GraphQLInputType, GraphQLNamedType, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { ACCESS_METADATA, AccessRule, ALL_STAFF_ROLES } from '../../backend/src/common/auth';
import { errorCode, startTestApp, TestApp } from './support/test-app';

/** GraphQL root-field name → the access rule declared on its resolver method. */
function declaredRules(t: TestApp): Map<string, AccessRule | undefined> {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const reflector = t.app.get(Reflector);
  const rules = new Map<string, AccessRule | undefined>();
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[method];
      const type = Reflect.getMetadata('graphql:resolver_type', handler);
      if (type !== 'Query' && type !== 'Mutation') continue;
      const name = Reflect.getMetadata('graphql:resolver_name', handler) ?? method;
      rules.set(`${type}.${name}`, reflector.get(ACCESS_METADATA, handler));
    }
  }
  return rules;
}

/** A value of the right shape for an argument, enough to get past GraphQL validation. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type) as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  if (isScalarType(named)) {
    return (
      { ID: 'matrix-id', String: 'matrix', Int: 1, Float: 1, Boolean: true, Money: 100, Date: '2026-01-01', DateTime: '2026-01-01T00:00:00Z', JSON: {} } as Record<string, unknown>
    )[named.name];
  }
  return null;
}

function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((a) => isNonNullType(a.type));
  const variables = Object.fromEntries(args.map((a) => [a.name, sample(a.type)]));
  const declaration = args.length ? `(${args.map((a) => `$${a.name}: ${a.type}`).join(', ')})` : '';
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const leaf = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type));
  return { query: `${kind} Matrix${declaration} { ${field.name}${call}${leaf ? '' : ' { __typename }'} }`, variables };
}

describe('role × operation access matrix', () => {
  let t: TestApp;
  let rules: Map<string, AccessRule | undefined>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    rules = declaredRules(t);
    for (const role of ALL_STAFF_ROLES) tokens[role] = role === 'ADMIN' ? t.adminToken : await t.staffToken(role);
  });
  afterAll(() => t?.close());

  const operations = () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    return [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ kind: 'query' as const, root: 'Query', field: f })),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({ kind: 'mutation' as const, root: 'Mutation', field: f })),
    ];
  };

  it('has a declared access rule on every query and mutation', () => {
    const undeclared = operations()
      .map(({ root, field }) => `${root}.${field.name}`)
      .filter((name) => !rules.get(name));
    expect(undeclared).toEqual([]);
    expect(operations().length).toBeGreaterThan(15);
  });

  it('refuses every staff role an operation does not declare, with FORBIDDEN', async () => {
    const failures: string[] = [];
    for (const { kind, root, field } of operations()) {
      const rule = rules.get(`${root}.${field.name}`)!;
      if (rule.public) continue;
      const { query, variables } = documentFor(kind, field);
      for (const role of ALL_STAFF_ROLES) {
        const result = await t.gql(query, variables, { token: tokens[role] });
        const code = errorCode(result);
        const allowed = rule.roles?.includes(role) ?? false;
        if (!allowed && code !== 'FORBIDDEN') failures.push(`${role} ${field.name}: expected FORBIDDEN, got ${code ?? 'success'}`);
        if (allowed && (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'GRAPHQL_VALIDATION_FAILED')) {
          failures.push(`${role} ${field.name}: allowed but got ${code}: ${result.errors![0].message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses anonymous callers with UNAUTHENTICATED on every non-public operation', async () => {
    const failures: string[] = [];
    for (const { kind, root, field } of operations()) {
      if (rules.get(`${root}.${field.name}`)!.public) continue;
      const { query, variables } = documentFor(kind, field);
      const code = errorCode(await t.gql(query, variables));
      if (code !== 'UNAUTHENTICATED') failures.push(`${field.name}: ${code ?? 'success'}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses an API key every operation its scopes do not open', async () => {
    const created = await t.ok(
      `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey } }`,
      { input: { name: 'matrix', scopes: ['complaints:write'] } },
      { token: t.adminToken },
    );
    const apiKey = created.createApiClient.apiKey;
    const failures: string[] = [];
    for (const { kind, root, field } of operations()) {
      const rule = rules.get(`${root}.${field.name}`)!;
      if (rule.public || rule.scopes?.includes('complaints:write')) continue;
      const { query, variables } = documentFor(kind, field);
      const code = errorCode(await t.gql(query, variables, { apiKey }));
      if (code !== 'FORBIDDEN') failures.push(`${field.name}: ${code ?? 'success'}`);
    }
    expect(failures).toEqual([]);
  });
});
