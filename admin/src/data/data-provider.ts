import type { ApolloClient } from '@apollo/client';
import buildGraphQLProvider, { type IntrospectionResult } from 'ra-data-graphql';
import type { DataProvider } from 'ra-core';
import { buildQueryFactory } from './build-query';
import { toHttpError } from './errors';
import { loadRegistry } from './introspection';
import type { Registry } from './registry';

type WithRegistry = IntrospectionResult & { registry: Registry };

/**
 * ra-data-graphql over our Apollo client, with our registry in place of its default introspection
 * and every failure turned into the HttpError react-admin expects (see errors.ts).
 */
export function buildDataProvider(client: ApolloClient<unknown>): DataProvider {
  const provider = buildGraphQLProvider({
    client,
    introspection: { operationNames: {} },
    resolveIntrospection: async () => {
      const registry = await loadRegistry(client);
      return { types: [], queries: [], resources: [], schema: undefined, registry } as unknown as WithRegistry;
    },
    buildQuery: (introspection) => {
      const build = buildQueryFactory((introspection as WithRegistry).registry);
      return (method, resource, params) => build(method, resource, params) as never;
    },
  } as Parameters<typeof buildGraphQLProvider>[0]);

  const methods = [
    'getList',
    'getOne',
    'getMany',
    'getManyReference',
    'create',
    'update',
    'updateMany',
    'delete',
    'deleteMany',
  ] as const;
  const mapped: Record<string, unknown> = {};
  for (const method of methods) {
    const call = provider[method] as (...args: unknown[]) => Promise<unknown>;
    mapped[method] = (...args: unknown[]) =>
      Promise.resolve()
        .then(() => call(...args))
        .catch((error: unknown) => {
          throw toHttpError(error);
        });
  }
  return mapped as unknown as DataProvider;
}
